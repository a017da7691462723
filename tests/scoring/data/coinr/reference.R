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
