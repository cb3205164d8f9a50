package org.backstrat.report.output;

/**
 * The published works the report's methods rely on, each with its citation in the Vancouver
 * style medical journals use. The methods text cites them by number ({@link Citations}), so the
 * reader finds every method in the literature rather than in files they do not have.
 */
public enum Reference {
  /** STarT Back Tool. */
  HILL_2008("Hill JC, Dunn KM, Lewis M, Mullis R, Main CJ, Foster NE, et al. A primary care back"
      + " pain screening tool: identifying patient subgroups for initial treatment. Arthritis"
      + " Rheum. 2008;59(5):632-41. doi:10.1002/art.23563"),
  /** ÖMPSQ short form. */
  LINTON_2011("Linton SJ, Nicholas M, MacDonald S. Development of a short form of the Örebro"
      + " Musculoskeletal Pain Screening Questionnaire. Spine. 2011;36(22):1891-5."
      + " doi:10.1097/BRS.0b013e3181f8f775"),
  /** Pfirrmann grades of disc degeneration. */
  PFIRRMANN_2001("Pfirrmann CW, Metzdorf A, Zanetti M, Hodler J, Boos N. Magnetic resonance"
      + " classification of lumbar intervertebral disc degeneration. Spine. 2001;26(17):1873-8."
      + " doi:10.1097/00007632-200109010-00011"),
  /** Multiple imputation by chained equations, R mice. */
  VAN_BUUREN_2011("van Buuren S, Groothuis-Oudshoorn K. mice: Multivariate Imputation by"
      + " Chained Equations in R. J Stat Softw. 2011;45(3):1-67. doi:10.18637/jss.v045.i03"),
  /** Rubin's rules. */
  RUBIN_1987("Rubin DB. Multiple imputation for nonresponse in surveys. New York: Wiley; 1987."),
  /** Small-sample degrees of freedom of Rubin's rules. */
  BARNARD_RUBIN_1999("Barnard J, Rubin DB. Small-sample degrees of freedom with multiple"
      + " imputation. Biometrika. 1999;86(4):948-55. doi:10.1093/biomet/86.4.948"),
  /** Trimmed k-means. */
  CUESTA_ALBERTOS_1997("Cuesta-Albertos JA, Gordaliza A, Matrán C. Trimmed k-means: an attempt"
      + " to robustify quantizers. Ann Stat. 1997;25(2):553-76. doi:10.1214/aos/1031833664"),
  /** k-means++ seeding. */
  ARTHUR_2007("Arthur D, Vassilvitskii S. k-means++: the advantages of careful seeding. In:"
      + " Proceedings of the 18th Annual ACM-SIAM Symposium on Discrete Algorithms. Philadelphia:"
      + " SIAM; 2007. p. 1027-35."),
  /** Bootstrap cluster stability (clusterboot). */
  HENNIG_2007("Hennig C. Cluster-wise assessment of cluster stability. Comput Stat Data Anal."
      + " 2007;52(1):258-71. doi:10.1016/j.csda.2006.11.025"),
  /** Silhouette width. */
  ROUSSEEUW_1987("Rousseeuw PJ. Silhouettes: a graphical aid to the interpretation and"
      + " validation of cluster analysis. J Comput Appl Math. 1987;20:53-65."
      + " doi:10.1016/0377-0427(87)90125-7"),
  /** Calinski–Harabasz index. */
  CALINSKI_1974("Caliński T, Harabasz J. A dendrite method for cluster analysis. Commun Stat."
      + " 1974;3(1):1-27. doi:10.1080/03610927408827101"),
  /** Gap statistic. */
  TIBSHIRANI_2001("Tibshirani R, Walther G, Hastie T. Estimating the number of clusters in a"
      + " data set via the gap statistic. J R Stat Soc Series B Stat Methodol. 2001;63(2):411-23."
      + " doi:10.1111/1467-9868.00293"),
  /** Prediction strength. */
  TIBSHIRANI_WALTHER_2005("Tibshirani R, Walther G. Cluster validation by prediction strength."
      + " J Comput Graph Stat. 2005;14(3):511-28. doi:10.1198/106186005X59243"),
  /** Adjusted Rand index. */
  HUBERT_1985("Hubert L, Arabie P. Comparing partitions. J Classif. 1985;2(1):193-218."
      + " doi:10.1007/BF01908075"),
  /** Kruskal–Wallis test. */
  KRUSKAL_1952("Kruskal WH, Wallis WA. Use of ranks in one-criterion variance analysis. J Am"
      + " Stat Assoc. 1952;47(260):583-621. doi:10.1080/01621459.1952.10483441"),
  /** Fisher–Freeman–Halton exact test. */
  FREEMAN_HALTON_1951("Freeman GH, Halton JH. Note on an exact treatment of contingency,"
      + " goodness of fit and other problems of significance. Biometrika. 1951;38(1-2):141-9."
      + " doi:10.1093/biomet/38.1-2.141"),
  /** Dunn's post-hoc test. */
  DUNN_1964("Dunn OJ. Multiple comparisons using rank sums. Technometrics. 1964;6(3):241-52."
      + " doi:10.1080/00401706.1964.10490181"),
  /** Holm's adjustment. */
  HOLM_1979("Holm S. A simple sequentially rejective multiple test procedure. Scand J Stat."
      + " 1979;6(2):65-70."),
  /** Benjamini–Hochberg false discovery rate. */
  BENJAMINI_1995("Benjamini Y, Hochberg Y. Controlling the false discovery rate: a practical and"
      + " powerful approach to multiple testing. J R Stat Soc Series B Stat Methodol."
      + " 1995;57(1):289-300. doi:10.1111/j.2517-6161.1995.tb02031.x"),
  /** glmnet. */
  FRIEDMAN_2010("Friedman J, Hastie T, Tibshirani R. Regularization paths for generalized linear"
      + " models via coordinate descent. J Stat Softw. 2010;33(1):1-22. doi:10.18637/jss.v033.i01"),
  /** Decision curve analysis. */
  VICKERS_2006("Vickers AJ, Elkin EB. Decision curve analysis: a novel method for evaluating"
      + " prediction models. Med Decis Making. 2006;26(6):565-74. doi:10.1177/0272989X06295361"),
  /** CONSORT flow diagram. */
  SCHULZ_2010("Schulz KF, Altman DG, Moher D; CONSORT Group. CONSORT 2010 statement: updated"
      + " guidelines for reporting parallel group randomised trials. BMJ. 2010;340:c332."
      + " doi:10.1136/bmj.c332");

  private final String citation;

  Reference(String citation) {
    this.citation = citation;
  }

  /** The full citation, Vancouver style, without its number. */
  public String citation() {
    return citation;
  }
}
