# Reference results for raqmana's tests (tests/scoring/test_coinr_tables.py), computed with COINr 1.1.14
# (R 4.2.2) on COINr's own ASEM tables. Run from this folder: Rscript reference.R
suppressMessages(library(COINr))
aggs <- c("uCode", ASEM_iMeta$iCode[ASEM_iMeta$Type == "Aggregate"])
coin <- build_example_coin(quietly = TRUE)
write.csv(coin$Data$Aggregated[aggs], "ASEM_example_aggregated.csv", row.names = FALSE)
c2 <- Screen(coin, dset = "Denominated", dat_thresh = 0.9, unit_screen = "byNA")
c2 <- Normalise(c2, dset = "Screened", global_specs = list(f_n = "n_minmax", f_n_para = list(c(0,100))))
c2 <- Aggregate(c2, dset = "Normalised", f_ag = "a_amean", dat_thresh = 0.8)
write.csv(c2$Data$Aggregated[aggs], "ASEM_dat_thresh_aggregated.csv", row.names = FALSE)
# Treat with COINr's fallback: winsorise at most 1 point, then log_CT (COINr's f2) on the original
# values of indicators still failing; Goods gets a Box-Cox (lambda 0.5), Flights no treatment.
coin <- new_coin(ASEM_iData, ASEM_iMeta, quietly = TRUE)
coin <- Treat(coin, dset = "Raw", global_specs = list(f1_para = list(winmax = 1)),
              indiv_specs = list(Goods = list(f1 = "boxcox", f1_para = list(lambda = 0.5)), Flights = "none"))
inds <- ASEM_iMeta$iCode[ASEM_iMeta$Type == "Indicator"]
write.csv(coin$Data$Treated[c("uCode", inds)], "ASEM_treated_winmax1.csv", row.names = FALSE)
# a_copeland on each pillar of the min-max normalised ASEM data (COINr's Aggregate() cannot call it:
# it passes `x =` while a_copeland takes `X`, so it is called here directly, as COINr computes it).
suppressMessages(library(COINr))
coin <- new_coin(ASEM_iData, ASEM_iMeta, quietly = TRUE)
coin <- Normalise(coin, dset = "Raw", global_specs = list(f_n = "n_minmax", f_n_para = list(c(0,100))))
X <- coin$Data$Normalised
m <- ASEM_iMeta[ASEM_iMeta$Level == 1 & !is.na(ASEM_iMeta$Level), ]
out <- data.frame(uCode = X$uCode)
for (p in unique(m$Parent)) {
  codes <- m$iCode[m$Parent == p]
  out[[p]] <- suppressMessages(a_copeland(X[codes], w = m$Weight[m$Parent == p]))
}
write.csv(out, "ASEM_copeland_pillars.csv", row.names = FALSE)
# Panel data: twelve units, five years, six indicators of ASEM_iData_p with holes punched in, and
# COINr's impute_panel(imp_type = "latest") of it.
suppressMessages(library(COINr))
d <- ASEM_iData_p[ASEM_iData_p$uCode %in% sort(unique(ASEM_iData_p$uCode))[1:12],
                  c("uCode", "Time", "LPI", "Flights", "Ship", "Goods", "Services", "FDI")]
set.seed(3)
for (col in c("LPI", "Flights", "Ship", "Goods", "Services", "FDI")) d[[col]][sample(nrow(d), 12)] <- NA
write.csv(d, "panel_iData.csv", row.names = FALSE)
imp <- impute_panel(d, imp_type = "latest")
write.csv(imp$iData_imp, "panel_imputed_latest.csv", row.names = FALSE)
imp2 <- impute_panel(d, imp_type = "latest", max_time = 1)
write.csv(imp2$iData_imp, "panel_imputed_latest_1.csv", row.names = FALSE)
# a_genmean (p = 2) at every level, from COINr's example coin normalised (complete data after imputation)
suppressMessages(library(COINr))
coin <- build_example_coin(up_to = "Normalise", quietly = TRUE)
coin <- Aggregate(coin, dset = "Normalised", f_ag = "a_genmean", f_ag_para = list(p = 2))
aggs <- c("uCode", ASEM_iMeta$iCode[ASEM_iMeta$Type == "Aggregate"])
write.csv(coin$Data$Aggregated[aggs], "ASEM_genmean_aggregated.csv", row.names = FALSE)
# impute_panel(imp_type = "linear") of the same panel: R's approx(rule = 2) between a unit's nearest
# earlier and later values, the nearest value carried before the first and after the last.
suppressMessages(library(COINr))
d <- read.csv("panel_iData.csv")
imp3 <- impute_panel(d, imp_type = "linear")
write.csv(imp3$iData_imp, "panel_imputed_linear.csv", row.names = FALSE)
