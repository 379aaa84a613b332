package dev.backprop.examples;

import dev.backprop.explain.Explain;
import dev.backprop.explain.ExplainSpec;

/**
 * Prints what {@code backprop explain} shows with its defaults: one forward and backward pass of
 * the first note's network, every gradient beside its finite-difference estimate. The output is
 * the one pasted in docs/explain.md.
 */
public final class ExplainDefaultNetwork {
  private ExplainDefaultNetwork() {}

  /** Prints the default explanation, or its JSON form when the first argument is {@code --json}. */
  public static void main(String[] args) {
    var explanation = Explain.run(ExplainSpec.defaults());
    boolean json = args.length > 0 && args[0].equals("--json");
    System.out.print(json ? explanation.toJson() + "\n" : explanation.toText());
  }
}
