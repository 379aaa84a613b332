package dev.backprop.data;

/**
 * A training CSV file read into a data set, with the schema that encodes later files the same way.
 *
 * @param dataset the encoded rows
 * @param schema the layout, roles, vocabularies and means learned from the file
 */
public record CsvData(Dataset dataset, CsvSchema schema) {}
