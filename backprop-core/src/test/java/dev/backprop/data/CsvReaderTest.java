package dev.backprop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private CsvData read(String content, CsvOptions options) throws IOException {
    return CsvReader.read(write("data.csv", content), options);
  }

  @Test
  void aHeaderIsDetectedWhenTheFirstRecordHoldsTextAboveNumbers() throws IOException {
    CsvData csv = read("height,weight,label\n1.5,60,a\n1.8,80,b\n", CsvOptions.defaults());
    assertThat(csv.schema().header()).isTrue();
    assertThat(csv.dataset().featureNames()).containsExactly("height", "weight");
    assertThat(csv.dataset().features()).containsExactly(1.5f, 60f, 1.8f, 80f);
  }

  @Test
  void aNumericFirstRecordIsDataAndColumnsAreNumbered() throws IOException {
    CsvData csv = read("1,2,0\n3,4,1\n5,6,0\n7,8,1\n", CsvOptions.defaults());
    assertThat(csv.schema().header()).isFalse();
    assertThat(csv.dataset().size()).isEqualTo(4);
    assertThat(csv.dataset().featureNames()).containsExactly("column1", "column2");
    assertThat(csv.dataset().labels()).containsExactly(0, 1, 0, 1);
  }

  @Test
  void inAnAllTextFileTheFirstRecordIsAHeaderOnlyIfItsValuesNeverRecur() throws IOException {
    String withHeader = "color,size,label\nred,small,yes\nblue,large,no\nred,large,yes\n";
    assertThat(read(withHeader, CsvOptions.defaults()).schema().header()).isTrue();
    String withoutHeader = "red,small,yes\nblue,large,no\nred,large,yes\n";
    CsvData csv = read(withoutHeader, CsvOptions.defaults());
    assertThat(csv.schema().header()).isFalse();
    assertThat(csv.dataset().size()).isEqualTo(3);
  }

  @Test
  void noHeaderReadsATextFirstRecordAsData() throws IOException {
    CsvData csv = read("a,x\nb,y\na,y\n", CsvOptions.defaults().noHeader());
    assertThat(csv.dataset().size()).isEqualTo(3);
    assertThat(csv.dataset().classNames()).containsExactly("x", "y");
    assertThat(csv.dataset().featureNames()).containsExactly("column1=a", "column1=b");
  }

  @Test
  void aTargetGivenByNameImpliesAHeader() throws IOException {
    CsvData csv = read("p,q\nr,s\np,s\n", CsvOptions.defaults().withTarget("q"));
    assertThat(csv.schema().header()).isTrue();
    assertThat(csv.dataset().classNames()).containsExactly("s");
  }

  @Test
  void semicolonTabAndBarDelimitersAreDetected() throws IOException {
    for (String delimiter : List.of(";", "\t", "|")) {
      String text = String.join(delimiter, "a", "b", "c") + "\n" + String.join(delimiter, "1", "2", "x")
          + "\n" + String.join(delimiter, "3", "4", "y") + "\n";
      CsvData csv = read(text, CsvOptions.defaults());
      assertThat(csv.schema().delimiter()).isEqualTo(delimiter.charAt(0));
      assertThat(csv.dataset().features()).containsExactly(1f, 2f, 3f, 4f);
    }
  }

  @Test
  void commasInsideQuotesDoNotMisleadDelimiterDetection() throws IOException {
    CsvData csv = read("name;score;ok\n\"Smith, J\";1;y\n\"Doe, A\";2;n\n", CsvOptions.defaults().ignoring("name"));
    assertThat(csv.schema().delimiter()).isEqualTo(';');
    assertThat(csv.dataset().features()).containsExactly(1f, 2f);
  }

  @Test
  void anExplicitDelimiterIsUsedAsGiven() throws IOException {
    CsvData csv = read("a:b\n1:x\n2:y\n", CsvOptions.defaults().withDelimiter(':'));
    assertThat(csv.dataset().features()).containsExactly(1f, 2f);
  }

  @Test
  void categoricalColumnsAreOneHotEncodedInSortedVocabularyOrder() throws IOException {
    CsvData csv = read("color,x,y\nred,1,a\nblue,2,b\ngreen,3,a\nred,4,b\n", CsvOptions.defaults());
    assertThat(csv.dataset().featureNames()).containsExactly("color=blue", "color=green", "color=red", "x");
    assertThat(csv.dataset().features()).containsExactly(
        0, 0, 1, 1,
        1, 0, 0, 2,
        0, 1, 0, 3,
        0, 0, 1, 4);
    assertThat(csv.schema().columns().get(0).categories()).containsExactly("blue", "green", "red");
  }

  @Test
  void stringLabelsBecomeIndicesIntoSortedClassNames() throws IOException {
    CsvData csv = read("x,species\n1,virginica\n2,setosa\n3,versicolor\n4,setosa\n", CsvOptions.defaults());
    assertThat(csv.dataset().task()).contains(Task.CLASSIFICATION);
    assertThat(csv.dataset().classNames()).containsExactly("setosa", "versicolor", "virginica");
    assertThat(csv.dataset().labels()).containsExactly(2, 0, 1, 0);
    assertThat(csv.dataset().classCounts()).containsExactly(2, 1, 1);
  }

  @Test
  void numericClassLabelsAreOrderedByValue() throws IOException {
    StringBuilder text = new StringBuilder("x,y\n");
    for (int i = 0; i < 30; i++) {
      text.append(i).append(',').append(List.of("10", "2", "1").get(i % 3)).append('\n');
    }
    CsvData csv = read(text.toString(), CsvOptions.defaults());
    assertThat(csv.dataset().classNames()).containsExactly("1", "2", "10");
    assertThat(csv.dataset().label(0)).isEqualTo(2);
  }

  @Test
  void theTargetCanBeChosenByNameByNumberOrDefaultsToTheLastColumn() throws IOException {
    String text = "a,b,c\n1,x,5\n2,y,6\n3,x,7\n";
    assertThat(read(text, CsvOptions.defaults()).dataset().targetNames()).containsExactly("c");
    assertThat(read(text, CsvOptions.defaults().withTarget("b")).dataset().classNames()).containsExactly("x", "y");
    CsvData byNumber = read(text, CsvOptions.defaults().withTarget("1"));
    assertThat(byNumber.schema().target().orElseThrow().name()).isEqualTo("a");
    assertThat(byNumber.dataset().featureNames()).containsExactly("b=x", "b=y", "c");
  }

  @Test
  void optionsWithTheSameSettingsAreEqual() {
    assertThat(CsvOptions.defaults().withTarget("3")).isEqualTo(CsvOptions.defaults().withTarget("3"));
    assertThat(CsvOptions.defaults().withTarget("3")).isNotEqualTo(CsvOptions.defaults().withTarget("4"));
    assertThat(CsvOptions.defaults()).isEqualTo(CsvOptions.defaults().withTarget(TargetColumn.last()));
  }

  @Test
  void aHeaderNameThatLooksLikeANumberWinsOverTheColumnNumber() throws IOException {
    CsvData csv = read("x,2,1\n1,5,a\n2,6,b\n", CsvOptions.defaults().withTarget("1"));
    assertThat(csv.schema().target().orElseThrow().name()).isEqualTo("1");
  }

  @Test
  void fractionalOrManyDistinctTargetsAreRegressionAndFewWholeNumbersAreClasses() throws IOException {
    CsvData regression = read("x,y\n1,0.5\n2,1.5\n3,2.5\n4,3.5\n", CsvOptions.defaults());
    assertThat(regression.dataset().task()).contains(Task.REGRESSION);
    assertThat(regression.dataset().targets()).containsExactly(0.5f, 1.5f, 2.5f, 3.5f);
    CsvData classes = read("x,y\n1,0\n2,1\n3,0\n4,1\n", CsvOptions.defaults());
    assertThat(classes.dataset().task()).contains(Task.CLASSIFICATION);
    CsvData forced = read("x,y\n1,0\n2,1\n3,0\n4,1\n", CsvOptions.defaults().withTask(Task.REGRESSION));
    assertThat(forced.dataset().targets()).containsExactly(0f, 1f, 0f, 1f);
  }

  @Test
  void aNumericColumnCanBeForcedCategoricalAndColumnsCanBeIgnored() throws IOException {
    CsvData csv = read("id,zip,y\n17,100,a\n18,200,b\n19,100,a\n",
        CsvOptions.defaults().withCategorical("zip").ignoring("id"));
    assertThat(csv.dataset().featureNames()).containsExactly("zip=100", "zip=200");
    assertThat(csv.dataset().features()).containsExactly(1, 0, 0, 1, 1, 0);
    assertThat(csv.schema().columns().get(0).role()).isEqualTo(CsvColumn.Role.IGNORED);
  }

  @Test
  void imputationFillsNumericCellsWithTheTrainingMeanAndCategoriesWithZeros() throws IOException {
    CsvData csv = read("x,c,y\n1,a,p\n,b,q\n5,,p\nNaN,a,q\ninf,b,p\n", CsvOptions.defaults().withImputeMean());
    assertThat(csv.schema().columns().get(0).mean()).isEqualTo(3f);
    assertThat(csv.dataset().features()).containsExactly(
        1, 1, 0,
        3, 0, 1,
        5, 0, 0,
        3, 1, 0,
        3, 0, 1);
  }

  @Test
  void laterFilesAreEncodedWithTheTrainingSchemaMatchedByColumnName() throws IOException {
    CsvData train = read("size,color,y\n1,red,a\n2,blue,b\n3,red,a\n", CsvOptions.defaults().withImputeMean());
    Path later = write("later.csv", "extra,color,size\nq,blue,7\nr,red,\n");
    Dataset predict = CsvReader.read(later, train.schema());
    assertThat(predict.task()).isEmpty();
    assertThat(predict.featureNames()).isEqualTo(train.dataset().featureNames());
    assertThat(predict.features()).containsExactly(7, 1, 0, 2, 0, 1);
    Dataset labelled = CsvReader.read(write("test.csv", "y,size,color\nb,4,red\n"), train.schema());
    assertThat(labelled.classNames()).containsExactly("a", "b");
    assertThat(labelled.labels()).containsExactly(1);
  }

  @Test
  void laterFilesWithoutHeaderAreMatchedByPositionWithOrWithoutTheTarget() throws IOException {
    CsvData train = read("1,2,0\n3,4,1\n5,6,0\n7,8,1\n", CsvOptions.defaults());
    Dataset withTarget = CsvReader.read(write("a.csv", "9,10,1\n"), train.schema());
    assertThat(withTarget.labels()).containsExactly(1);
    Dataset withoutTarget = CsvReader.read(write("b.csv", "9,10\n11,12\n"), train.schema());
    assertThat(withoutTarget.task()).isEmpty();
    assertThat(withoutTarget.features()).containsExactly(9, 10, 11, 12);
  }

  @Test
  void gzipCompressedCsvIsReadTransparently() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write("x,y\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8));
    }
    Path file = Files.write(dir.resolve("data.csv.gz"), bytes.toByteArray());
    CsvData csv = CsvReader.read(file, CsvOptions.defaults());
    assertThat(csv.dataset().features()).containsExactly(1f, 2f);
    assertThat(csv.dataset().name()).isEqualTo(file.toString());
  }

  @Test
  void crlfLineEndsQuotedLineBreaksAndUnicodeLabelsSurviveReading() throws IOException {
    CsvData csv = read("note,x,y\r\n\"two\r\nlines\",1,é\r\n\"one\",2,ß\r\n",
        CsvOptions.defaults().ignoring("note"));
    assertThat(csv.dataset().classNames()).containsExactly("ß", "é");
    assertThat(csv.dataset().labels()).containsExactly(1, 0);
  }

  @Test
  void aMostlyNumericColumnStaysNumericSoItsTextCellIsReportedNotEncoded() throws IOException {
    assertThat(CsvErrorsTest.message(() -> read("x,y\n1,a\n2,b\noops,a\n", CsvOptions.defaults())))
        .contains("line 4, column 1 (x): expected a number, found \"oops\"");
  }

  @Test
  void describeSummarisesRowsFeaturesAndClassCounts() throws IOException {
    CsvData csv = read("x,y\n1,a\n2,b\n3,a\n", CsvOptions.defaults());
    assertThat(csv.dataset().describe())
        .isEqualTo(dir.resolve("data.csv") + ": 3 rows × 1 feature; classification, 2 classes: a 2, b 1");
  }
}
