package dev.backprop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad CSV input, each checking the message names file, line, column, value. */
class CsvErrorsTest {
  @TempDir Path dir;

  static String message(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(DataException.class);
    return thrown.getMessage();
  }

  private Path file;

  private String readError(String content) throws IOException {
    return readError(content, CsvOptions.defaults());
  }

  private String readError(String content, CsvOptions options) throws IOException {
    file = Files.writeString(dir.resolve("bad.csv"), content);
    return message(() -> CsvReader.read(file, options));
  }

  @Test
  void aRaggedRowNamesFileLineAndBothFieldCounts() throws IOException {
    assertThat(readError("a,b,c\n1,2,x\n3,4\n"))
        .startsWith(dir.resolve("bad.csv") + ", line 3: expected 3 fields, found 2")
        .contains("the header on line 1");
  }

  @Test
  void aNonNumericCellNamesFileLineColumnAndValue() throws IOException {
    assertThat(readError("name,age,y\nann,31,a\nbob,40,b\ncid,31,a\ndan,abc,b\neve,50,a\n"))
        .isEqualTo(file + ", line 5, column 2 (age): expected a number, found \"abc\"");
  }

  @Test
  void aDecimalCommaGetsAHint() throws IOException {
    assertThat(readError("a;b\n1;x\n2,5;y\n3;x\n"))
        .contains("line 3, column 1 (a): expected a number, found \"2,5\"")
        .contains("point, not a comma");
  }

  @Test
  void anUnknownTargetColumnNamesTheColumnAndListsTheColumns() throws IOException {
    assertThat(readError("sepal,petal,species\n1,2,a\n", CsvOptions.defaults().withTarget("specie")))
        .isEqualTo(file + ": no column named 'specie' for the target; the columns are sepal, petal, species");
  }

  @Test
  void aTargetNumberBeyondTheLastColumnIsRefused() throws IOException {
    assertThat(readError("a,b\n1,x\n", CsvOptions.defaults().withTarget("7")))
        .isEqualTo(file + ": target column number 7 does not exist; the file has 2 columns");
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    assertThat(readError("")).isEqualTo(file + ": the file is empty; expected CSV records");
    assertThat(readError("\n  \n\r\n")).isEqualTo(file + ": the file is empty; expected CSV records");
  }

  @Test
  void aHeaderWithoutDataRowsIsRefused() throws IOException {
    assertThat(readError("a,b,label\n")).isEqualTo(file + ": has a header row but no data rows");
  }

  @Test
  void nanAndInfinityLiteralsAreErrorsUnlessImputed() throws IOException {
    assertThat(readError("x,y\n1,a\nNaN,b\n"))
        .isEqualTo(file + ", line 3, column 1 (x): missing value \"NaN\"; fix the value or turn on mean imputation");
    assertThat(readError("x,y\n1,a\n-Infinity,b\n"))
        .isEqualTo(file + ", line 3, column 1 (x): value \"-Infinity\" is not finite;"
            + " fix the value or turn on mean imputation");
    assertThat(readError("x,y\n1,a\n1e99,b\n")).contains("line 3, column 1 (x): value \"1e99\" is not finite");
  }

  @Test
  void anEmptyNumericCellIsAMissingValueError() throws IOException {
    assertThat(readError("x,z,y\n1,2,a\n,3,b\n"))
        .startsWith(file + ", line 3, column 1 (x): missing value (empty)");
  }

  @Test
  void aMissingTargetValueIsAnErrorEvenWithImputation() throws IOException {
    assertThat(readError("x,y\n1,a\n2,\n3,b\n", CsvOptions.defaults().withImputeMean()))
        .isEqualTo(file + ", line 3, column 2 (y): missing target value (empty)");
  }

  @Test
  void anUnclosedQuoteNamesTheLineWhereItOpens() throws IOException {
    assertThat(readError("x,y\n1,a\n2,\"b\n3,c\n"))
        .startsWith(file + ", line 3: the quoted field in column 2 that opens on this line is never closed");
  }

  @Test
  void invalidUtf8IsReportedWithTheLine() throws IOException {
    file = Files.write(dir.resolve("latin1.csv"), new byte[] {'x', ',', 'y', '\n', '1', ',', (byte) 0xE9, '\n'});
    assertThat(message(() -> CsvReader.read(file, CsvOptions.defaults().withHeader(CsvOptions.Header.PRESENT))))
        .contains(file.toString())
        .contains("line 2")
        .contains("is not valid UTF-8");
  }

  @Test
  void aMissingFileOrADirectoryIsReportedByName() {
    Path missing = dir.resolve("nope.csv");
    assertThat(message(() -> CsvReader.read(missing, CsvOptions.defaults()))).isEqualTo(missing + ": no such file");
    assertThat(message(() -> CsvReader.read(dir, CsvOptions.defaults())))
        .isEqualTo(dir + ": is a directory, expected a file");
  }

  @Test
  void aDeviceThatNeverEndsIsRefusedBeforeReading() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero));
    assertThat(message(() -> CsvReader.read(zero, CsvOptions.defaults())))
        .isEqualTo("/dev/zero: is not a regular file (a pipe or device?); expected a file");
  }

  @Test
  void duplicateHeaderNamesAreRefused() throws IOException {
    assertThat(readError("a,b,a\n1,2,x\n", CsvOptions.defaults().withHeader(CsvOptions.Header.PRESENT)))
        .isEqualTo(file + ", line 1: the header names two columns 'a' (columns 1 and 3); column names must be unique");
  }

  @Test
  void unknownIgnoredOrCategoricalColumnsAreRefused() throws IOException {
    assertThat(readError("a,b\n1,x\n", CsvOptions.defaults().ignoring("c")))
        .isEqualTo(file + ": no column named 'c' to treat as ignored; the columns are a, b");
    assertThat(readError("a,b\n1,x\n", CsvOptions.defaults().withCategorical("d")))
        .isEqualTo(file + ": no column named 'd' to treat as categorical; the columns are a, b");
  }

  @Test
  void aColumnWithOnlyMissingValuesIsRefused() throws IOException {
    assertThat(readError("a,b,y\n1,,x\n2,NA,z\n"))
        .isEqualTo(file + ": column 2 (b) has no values, only missing ones; leave it out with the ignore option");
  }

  @Test
  void aFileWithOnlyATargetColumnHasNoFeatures() throws IOException {
    assertThat(readError("y\na\nb\n", CsvOptions.defaults().withHeader(CsvOptions.Header.PRESENT)))
        .startsWith(file + ": has no feature columns");
  }

  @Test
  void aCategoricalColumnWithTooManyValuesIsRefused() throws IOException {
    assertThat(readError("name,y\nann,a\nbob,b\ncid,a\n", CsvOptions.defaults().withMaxCategories(2)))
        .startsWith(file + ": column 1 (name) has more than 2 distinct values for a categorical column");
  }

  @Test
  void aRegressionTargetWithTextIsReported() throws IOException {
    assertThat(readError("x,y\n1,2.5\n2,big\n", CsvOptions.defaults().withTask(Task.REGRESSION)))
        .isEqualTo(file + ", line 3, column 2 (y): expected a number for the regression target, found \"big\"");
  }

  @Test
  void anUnseenCategoryOrClassInALaterFileNamesTheValueAndTheKnownOnes() throws IOException {
    Path train = Files.writeString(dir.resolve("train.csv"), "color,y\nred,a\nblue,b\n");
    CsvSchema schema = CsvReader.read(train, CsvOptions.defaults()).schema();
    file = Files.writeString(dir.resolve("test.csv"), "color,y\nred,a\npurple,b\n");
    assertThat(message(() -> CsvReader.read(file, schema)))
        .isEqualTo(file + ", line 3, column 1 (color): category \"purple\" did not occur in the training data;"
            + " known: blue, red");
    file = Files.writeString(dir.resolve("test2.csv"), "y,color\nc,red\n");
    assertThat(message(() -> CsvReader.read(file, schema)))
        .isEqualTo(file + ", line 2, column 1 (y): class \"c\" did not occur in the training data; known: a, b");
  }

  @Test
  void aLaterFileWithoutAFeatureColumnIsRefused() throws IOException {
    Path train = Files.writeString(dir.resolve("train.csv"), "size,weight,y\n1,2,a\n3,4,b\n");
    CsvSchema schema = CsvReader.read(train, CsvOptions.defaults()).schema();
    file = Files.writeString(dir.resolve("test.csv"), "size,y\n1,a\n");
    assertThat(message(() -> CsvReader.read(file, schema)))
        .isEqualTo(file + ", line 1: the header has no column 'weight', which the training data had;"
            + " the columns are size, y");
  }

  @Test
  void aLaterFileWithoutHeaderAndTheWrongWidthIsRefused() throws IOException {
    Path train = Files.writeString(dir.resolve("train.csv"), "1,2,0\n3,4,1\n5,6,1\n7,8,0\n");
    CsvSchema schema = CsvReader.read(train, CsvOptions.defaults()).schema();
    file = Files.writeString(dir.resolve("test.csv"), "1\n");
    assertThat(message(() -> CsvReader.read(file, schema)))
        .isEqualTo(file + ", line 1: expected 3 fields (or 2 without the target) as in the training data, found 1");
  }
}
