package dev.backprop.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupCharactersAreEscapedInTextAndAttributes() {
        assertThat(Html.escape("<a href=\"x\">Tom & 'Jerry'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    }

    @Test
    void charactersXmlForbidsBecomeTheReplacementCharacter() {
        assertThat(Html.escape("a\u0000b\u0007c\u0085d\uFFFEe")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
        assertThat(Html.escape("lone \uD800 high, lone \uDC00 low")).isEqualTo("lone \uFFFD high, lone \uFFFD low");
    }

    @Test
    void tabsLineBreaksAndCharactersBeyondTheBasicPlaneArePreserved() {
        assertThat(Html.escape("a\tb\nc\r\u00e9\uD83D\uDE00\u4e2d")).isEqualTo("a\tb\nc\r\u00e9\uD83D\uDE00\u4e2d");
    }

    @Test
    void elementsAreClosedAndAttributesQuoted() {
        String markup = new Html().open("p", "class", "a\"b").text("x<y").empty("br").close("p").toString();
        assertThat(markup).isEqualTo("<p class=\"a&quot;b\">x&lt;y<br/></p>");
    }

    @Test
    void attributesComeInPairs() {
        assertThatThrownBy(() -> new Html().open("p", "class"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attributes come in name/value pairs, got 1");
    }
}
