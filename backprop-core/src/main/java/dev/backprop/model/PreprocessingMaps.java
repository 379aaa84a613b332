package dev.backprop.model;

import dev.backprop.data.CsvColumn;
import dev.backprop.data.CsvSchema;
import dev.backprop.data.Scaler;
import dev.backprop.train.internal.MapReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates {@link Preprocessing} to and from nested maps of plain values. */
final class PreprocessingMaps {
  private PreprocessingMaps() {}

  static Map<String, Object> write(Preprocessing p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("feature_names", p.featureNames());
    m.put("feature_scaler", scaler(p.featureScaler()));
    m.put("class_labels", p.classLabels());
    m.put("target_names", p.targetNames());
    m.put("target_scaler", scaler(p.targetScaler()));
    m.put("csv_schema", p.csvSchema() == null ? null : schema(p.csvSchema()));
    return m;
  }

  private static Map<String, Object> scaler(Scaler s) {
    if (s == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", MapReader.label(s.method()));
    m.put("offsets", s.offsets());
    m.put("scales", s.scales());
    return m;
  }

  private static Map<String, Object> schema(CsvSchema s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("delimiter", String.valueOf(s.delimiter()));
    m.put("header", s.header());
    m.put("impute_mean", s.imputeMean());
    List<Object> columns = new ArrayList<>();
    for (CsvColumn c : s.columns()) {
      Map<String, Object> column = new LinkedHashMap<>();
      column.put("name", c.name());
      column.put("role", MapReader.label(c.role()));
      column.put("categories", c.categories());
      column.put("mean", c.mean());
      columns.add(column);
    }
    m.put("columns", columns);
    return m;
  }

  static Preprocessing read(Map<String, ?> map) {
    MapReader r = new MapReader(map, "$");
    Preprocessing p = new Preprocessing(strings(r, "feature_names"),
        r.has("feature_scaler") ? readScaler(r.object("feature_scaler")) : null, strings(r, "class_labels"),
        strings(r, "target_names"), r.has("target_scaler") ? readScaler(r.object("target_scaler")) : null,
        r.has("csv_schema") ? readSchema(r.object("csv_schema")) : null);
    r.raw("feature_scaler");
    r.raw("target_scaler");
    r.raw("csv_schema");
    r.rejectUnread();
    return p;
  }

  static List<String> strings(MapReader r, String key) {
    List<String> out = new ArrayList<>();
    for (Object v : r.list(key)) {
      if (!(v instanceof String s)) {
        throw r.wrong(key, v, "an array of strings");
      }
      out.add(s);
    }
    return out;
  }

  private static float[] floats(MapReader r, String key) {
    List<?> list = r.list(key);
    float[] out = new float[list.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(list.get(i) instanceof Number n)) {
        throw r.wrong(key, list.get(i), "an array of numbers");
      }
      out[i] = n.floatValue();
    }
    return out;
  }

  private static Scaler readScaler(MapReader r) {
    Scaler s = Scaler.of(r.label("method", Scaler.Method.class), floats(r, "offsets"), floats(r, "scales"));
    r.rejectUnread();
    return s;
  }

  private static CsvSchema readSchema(MapReader r) {
    String delimiter = r.string("delimiter");
    if (delimiter.length() != 1) {
      throw r.wrong("delimiter", delimiter, "one character");
    }
    List<CsvColumn> columns = new ArrayList<>();
    List<?> list = r.list("columns");
    for (int i = 0; i < list.size(); i++) {
      MapReader c = new MapReader(list.get(i), r.path("columns") + "[" + i + "]");
      columns.add(new CsvColumn(c.string("name"), c.label("role", CsvColumn.Role.class), strings(c, "categories"),
          (float) c.number("mean")));
      c.rejectUnread();
    }
    CsvSchema s = new CsvSchema(delimiter.charAt(0), r.bool("header"), r.bool("impute_mean"), columns);
    r.rejectUnread();
    return s;
  }
}
