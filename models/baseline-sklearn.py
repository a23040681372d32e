"""Reference baseline for the hate/abusive models (optional; needs python3-sklearn).

TF-IDF word 1-2-grams + char_wb 2-5-grams (sublinear tf), logistic regression with balanced class
weights, stratified 5-fold CV (shuffle, seed 42); prints macro-F1 (mean of the F1 of class 0 and 1)
per label. Decoding of train.csv follows the dataset's SPLIT.md (latin1 bytes, raw UTF-8, \\xNN runs).
Usage: python3 models/baseline-sklearn.py [train.csv] [LABEL,LABEL] [folds.json]
folds.json (optional): {"HS": [fold of row 0, fold of row 1, ...], ...} to reuse Netra's own stratified
folds (src/screener/linear-model.ts stratifiedFolds, seed 42) for a like-for-like comparison.
"""
import csv, json, re, sys
import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.metrics import f1_score

path = sys.argv[1] if len(sys.argv) > 1 else 'data/id-multilabel-hate-speech/train.csv'
raw = open(path, 'rb').read()

def decode(s):
    b = s.encode('latin1')
    b = re.sub(rb'\\x([0-9a-fA-F]{2})', lambda m: bytes([int(m.group(1), 16)]), b)
    t = b.decode('utf-8', errors='replace').replace('\\n', ' ')
    return t[:-1] if t.endswith("'") else t

rows = list(csv.reader(raw.decode('latin1').splitlines(True)))
header, rows = rows[0], rows[1:]
texts = [decode(r[1]) for r in rows]
labels = header[2:]
Y = np.array([[int(v) for v in r[2:]] for r in rows])
only = sys.argv[2].split(',') if len(sys.argv) > 2 and sys.argv[2] != 'all' else labels
given = json.load(open(sys.argv[3])) if len(sys.argv) > 3 else {}
for li, name in enumerate(labels):
    if name not in only:
        continue
    y = Y[:, li]
    if name in given:
        f = np.array(given[name])
        splits = [(np.where(f != k)[0], np.where(f == k)[0]) for k in range(5)]
    else:
        splits = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=42).split(texts, y))
    scores = []
    for tr, te in splits:
        w = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
        c = TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), sublinear_tf=True, min_df=2)
        Xtr = hstack([w.fit_transform([texts[i] for i in tr]), c.fit_transform([texts[i] for i in tr])]).tocsr()
        Xte = hstack([w.transform([texts[i] for i in te]), c.transform([texts[i] for i in te])]).tocsr()
        m = LogisticRegression(C=4.0, class_weight='balanced', max_iter=2000)
        m.fit(Xtr, y[tr])
        scores.append(f1_score(y[te], m.predict(Xte), average='macro'))
    print(f'{name}\t{"netra-folds" if name in given else "sklearn-folds"}\tmacroF1={np.mean(scores):.4f}\t(+-{np.std(scores):.4f})\tpos={int(y.sum())}', flush=True)
