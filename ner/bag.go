package ner

import (
	"context"
	"slices"
)

// trainBagged trains opts.Bag models that differ only in the shuffling
// seed and returns their average: the perceptron's result depends on the
// order it sees the sentences in, and averaging over orders removes much
// of that variance (a form of bagging). With Bag ≤ 1 it is trainModel.
func trainBagged(ctx context.Context, docs []*trainDoc, opts TrainOptions) (*model, error) {
	if opts.Bag <= 1 {
		return trainModel(ctx, docs, opts)
	}
	ms := make([]*model, opts.Bag)
	for k := range ms {
		o := opts
		o.Seed = opts.Seed + uint64(k)*0x9e37
		m, err := trainModel(ctx, docs, o)
		if err != nil {
			return nil, err
		}
		ms[k] = m
	}
	return mergeModels(ms), nil
}

// mergeModels averages the weights of models under training (rows absent
// from a model count as zero there). Rows are numbered in hash order so
// the result is deterministic.
func mergeModels(ms []*model) *model {
	var hashes []uint64
	seen := make(map[uint64]bool)
	for _, m := range ms {
		for h := range m.rows {
			if !seen[h] {
				seen[h] = true
				hashes = append(hashes, h)
			}
		}
	}
	slices.Sort(hashes)
	out := &model{rows: make(map[uint64]int32, len(hashes)), w: make([]float32, len(hashes)*numLabels), version: ms[0].version}
	k := float32(len(ms))
	for r, h := range hashes {
		out.rows[h] = int32(r)
		dst := out.w[r*numLabels : (r+1)*numLabels]
		for _, m := range ms {
			if i, ok := m.rows[h]; ok {
				for j, x := range m.w[int(i)*numLabels : int(i+1)*numLabels] {
					dst[j] += x / k
				}
			}
		}
	}
	for _, m := range ms {
		for i := range out.trans {
			for j := range out.trans[i] {
				out.trans[i][j] += m.trans[i][j] / k
			}
			out.start[i] += m.start[i] / k
			out.end[i] += m.end[i] / k
		}
	}
	return out
}
