/**
 * The training report: one self-contained HTML page (inline CSS and SVG charts, no scripts, no
 * network) showing how training went. {@link dev.backprop.cli.report.ReportData} is its input and
 * {@link dev.backprop.cli.report.HtmlReport} renders and writes it.
 */
package dev.backprop.cli.report;
