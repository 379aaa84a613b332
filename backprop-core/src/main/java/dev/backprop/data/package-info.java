/**
 * Data sets as plain arrays: the {@link dev.backprop.data.Dataset} type, readers for CSV and IDX
 * (MNIST) files, generated toy sets, feature scaling, and train/validation splits and minibatches.
 * Every reader validates before it allocates and reports bad input as a {@link DataException}.
 */
package dev.backprop.data;
