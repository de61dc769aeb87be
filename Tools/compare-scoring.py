#!/usr/bin/env python3
"""Compare the Swift scorecard trainer with common Python pipelines on the same split.

Split rule: rows are shuffled by numpy.random.RandomState(SEED).permutation(n); the first
floor(0.7 * n) shuffled rows are the training rows and the rest the held-out rows. Both parts are
written to OUT/train.csv and OUT/test.csv (original row order within each part kept as shuffled),
so that the Swift trainer trains on exactly the same rows:

    credit-medical score train --data OUT/train.csv --target TARGET --out OUT/scorecard.json
    credit-medical score evaluate --scorecard OUT/scorecard.json --data OUT/test.csv --target TARGET --json

The target must be 0/1 with 1 = bad. Reported: held-out AUC and fit time of
  - scorecardpy's pipeline from its README (var_filter, woebin, woebin_ply, L1 logistic
    regression C=0.9, scorecard, scorecard_ply),
  - optbinning's Scorecard with a default BinningProcess and scikit-learn LogisticRegression,
  - a one-hot logistic regression (categories one-hot, numbers median-imputed and standardised
    with a missing indicator, scikit-learn defaults),
  - the Swift trainer, when --credit-medical names the tool (build it with
    `swift build -c release`; made-up data comes from `credit-medical score synthetic`).

Usage:
    compare-scoring.py --export-german german.csv
    compare-scoring.py --csv DATA.csv --target TARGET --seed 42 --out OUT [--credit-medical PATH]
                       [--skip scorecardpy,optbinning,onehot]
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score


def export_german(path):
    import scorecardpy as sc
    data = sc.germancredit()
    data["creditability"] = (data["creditability"].astype(str) == "bad").astype(int)
    data.to_csv(path, index=False)
    print(f"wrote {path}: {len(data)} rows, bad share {data['creditability'].mean():.3f}")


def split(data, seed, out):
    order = np.random.RandomState(seed).permutation(len(data))
    cut = int(len(data) * 0.7)
    train, test = data.iloc[order[:cut]], data.iloc[order[cut:]]
    os.makedirs(out, exist_ok=True)
    train.to_csv(os.path.join(out, "train.csv"), index=False)
    test.to_csv(os.path.join(out, "test.csv"), index=False)
    return train.reset_index(drop=True), test.reset_index(drop=True)


def run_scorecardpy(train, test, target):
    import scorecardpy as sc
    from sklearn.linear_model import LogisticRegression
    start = time.perf_counter()
    train_f = sc.var_filter(train, y=target)
    bins = sc.woebin(train_f, y=target)
    train_woe = sc.woebin_ply(train_f, bins)
    x = train_woe.drop(columns=[target])
    model = LogisticRegression(penalty="l1", C=0.9, solver="liblinear").fit(x, train_woe[target])
    card = sc.scorecard(bins, model, x.columns)
    seconds = time.perf_counter() - start
    scores = sc.scorecard_ply(test, card, only_total_score=True)["score"]
    return roc_auc_score(test[target], -scores.to_numpy()), seconds


def run_optbinning(train, test, target):
    from optbinning import BinningProcess, Scorecard
    from sklearn.linear_model import LogisticRegression
    features = [c for c in train.columns if c != target]
    start = time.perf_counter()
    card = Scorecard(binning_process=BinningProcess(features), estimator=LogisticRegression(max_iter=1000),
                     scaling_method="min_max", scaling_method_params={"min": 300, "max": 850})
    card.fit(train[features], train[target])
    seconds = time.perf_counter() - start
    scores = card.score(test[features])
    return roc_auc_score(test[target], -np.asarray(scores)), seconds


def run_onehot(train, test, target):
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler
    features = [c for c in train.columns if c != target]
    numeric = [c for c in features if pd.api.types.is_numeric_dtype(train[c])]
    categorical = [c for c in features if c not in numeric]
    start = time.perf_counter()
    prepare = ColumnTransformer([
        ("numbers", make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler()), numeric),
        ("categories", make_pipeline(SimpleImputer(strategy="constant", fill_value="(missing)"),
                                     OneHotEncoder(handle_unknown="ignore")), categorical),
    ])
    model = make_pipeline(prepare, LogisticRegression(max_iter=2000)).fit(train[features], train[target])
    seconds = time.perf_counter() - start
    return roc_auc_score(test[target], model.predict_proba(test[features])[:, 1]), seconds


def run_swift(tool, out, target):
    card = os.path.join(out, "scorecard.json")
    start = time.perf_counter()
    subprocess.run([tool, "score", "train", "--data", os.path.join(out, "train.csv"), "--target", target, "--out", card],
                   check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    output = subprocess.run([tool, "score", "evaluate", "--scorecard", card, "--data", os.path.join(out, "test.csv"), "--target", target,
                             "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(output)["auc"], seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--export-german")
    parser.add_argument("--csv")
    parser.add_argument("--target")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", default="comparison")
    parser.add_argument("--credit-medical")
    parser.add_argument("--exclude", default="", help="comma-separated columns left out of every pipeline")
    parser.add_argument("--skip", default="", help="comma-separated pipelines not to run")
    args = parser.parse_args()
    if args.export_german:
        export_german(args.export_german)
        return
    if not args.csv or not args.target:
        parser.error("--csv and --target are needed")
    excluded = [c for c in args.exclude.split(",") if c]
    data = pd.read_csv(args.csv).drop(columns=excluded)
    train, test = split(data, args.seed, args.out)
    print(f"{args.csv}: {len(train)} training rows, {len(test)} held-out rows, seed {args.seed}")
    skip = set(args.skip.split(","))
    for name, run in [("scorecardpy", run_scorecardpy), ("optbinning", run_optbinning), ("one-hot LR", run_onehot)]:
        if name.split()[0].replace("-", "") in {s.replace("-", "") for s in skip}:
            continue
        try:
            auc, seconds = run(train, test, args.target)
            print(f"{name:12s} held-out AUC {auc:.4f}  fit {seconds:.2f} s")
        except Exception as error:  # report and go on with the other pipelines
            print(f"{name:12s} failed: {type(error).__name__}: {error}", file=sys.stderr)
    if args.credit_medical:
        auc, seconds = run_swift(args.credit_medical, args.out, args.target)
        print(f"{'swift':12s} held-out AUC {auc:.4f}  fit {seconds:.2f} s (the whole process, reading the file included)")


if __name__ == "__main__":
    main()
