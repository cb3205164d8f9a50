package org.backstrat.cluster.kmeans;

import org.backstrat.core.BadInputException;

/** The clustering algorithms of the engine (DESIGN.md, "Robust clustering"). */
public enum ClusterMethod {
  /** Trimmed k-means: the floor(alpha n) points farthest from their centre are left out. */
  TRIMMED("trimmed"),
  /** Huber-reweighted k-means: far points get weight c / distance instead of 1. */
  HUBER("huber"),
  /** Median-of-means reweighted k-means: each step uses the median block of the data. */
  MOM("mom"),
  /** Plain k-means (Lloyd with Hamerly bounds). */
  KMEANS("kmeans"),
  /** k-medoids (PAM family, FasterPAM-style eager swaps). */
  KMEDOIDS("kmedoids");

  private final String cliName;

  ClusterMethod(String cliName) {
    this.cliName = cliName;
  }

  /** The spelling used on the command line and in clustering.json. */
  public String cliName() {
    return cliName;
  }

  /** Parses trimmed|huber|mom|kmeans|kmedoids (case-insensitive). */
  public static ClusterMethod parse(String text) {
    for (ClusterMethod m : values()) {
      if (m.cliName.equalsIgnoreCase(text.trim())) {
        return m;
      }
    }
    throw new BadInputException(
        "method \"" + text + "\": expected one of trimmed, huber, mom, kmeans, kmedoids");
  }
}
