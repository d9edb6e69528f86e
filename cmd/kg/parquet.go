package main

import (
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go"

	"github.com/kg-project/kg/internal/graph"
)

// formatParquet writes Apache Parquet, which pandas, R's arrow and DuckDB
// read directly, with each column's type kept (numbers as numbers, dates
// as the strings every kg output writes).
const formatParquet = "parquet"

// rowWriter is where a listing writes its records, one at a time.
type rowWriter[T any] interface {
	Write(T) error
	Close() error
}

// parquetWriter writes records as Parquet rows of type R.
type parquetWriter[T, R any] struct {
	w       *parquet.GenericWriter[R]
	convert func(T) R
	buf     []R
}

func newParquetWriter[T, R any](out io.Writer, tty bool, convert func(T) R) (*parquetWriter[T, R], error) {
	if tty {
		return nil, fmt.Errorf("--format parquet writes binary: send it to a file (> out.parquet)")
	}
	// Snappy: every Parquet reader has it (pandas, arrow, DuckDB, hyparquet).
	return &parquetWriter[T, R]{w: parquet.NewGenericWriter[R](out, parquet.Compression(&parquet.Snappy)), convert: convert}, nil
}

func (p *parquetWriter[T, R]) Write(r T) error {
	p.buf = append(p.buf, p.convert(r))
	if len(p.buf) >= 1024 {
		return p.flush()
	}
	return nil
}

func (p *parquetWriter[T, R]) flush() error {
	if _, err := p.w.Write(p.buf); err != nil {
		return err
	}
	p.buf = p.buf[:0]
	return nil
}

func (p *parquetWriter[T, R]) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.w.Close()
}

// tripleParquet is a triple record as one Parquet row: the columns of kg
// triples --format csv, typed.
type tripleParquet struct {
	ID            string  `parquet:"id"`
	Date          string  `parquet:"date"`
	DatePrecision string  `parquet:"date_precision"`
	Source        string  `parquet:"source"`
	SourceID      string  `parquet:"source_id"`
	SourceCode    string  `parquet:"source_code"`
	SourceType    string  `parquet:"source_type"`
	Relation      string  `parquet:"relation"`
	CAMEO         string  `parquet:"cameo"`
	QuadClass     int32   `parquet:"quad_class"`
	Goldstein     float64 `parquet:"goldstein"`
	Target        string  `parquet:"target"`
	TargetID      string  `parquet:"target_id"`
	TargetCode    string  `parquet:"target_code"`
	TargetType    string  `parquet:"target_type"`
	Negated       bool    `parquet:"negated"`
	Modality      string  `parquet:"modality"`
	Symmetric     bool    `parquet:"symmetric"`
	Confidence    float64 `parquet:"confidence"`
	Doc           string  `parquet:"doc"`
	SentenceIndex int32   `parquet:"sentence_index"`
	Start         int64   `parquet:"start"`
	End           int64   `parquet:"end"`
	Sentence      string  `parquet:"sentence"`
	Reporter      *string `parquet:"reporter,optional"`
	Origin        string  `parquet:"origin"`
	Mentions      int32   `parquet:"mentions"`
	Sources       int32   `parquet:"sources"`
}

func tripleToParquet(r graph.TripleRecord) tripleParquet {
	p := tripleParquet{ID: r.ID, Date: r.Date, DatePrecision: r.DatePrecision,
		Source: r.Source.Name, SourceID: r.Source.ID, SourceCode: r.Source.Code, SourceType: string(r.Source.Type),
		Relation: r.Relation, CAMEO: r.CAMEO, QuadClass: int32(r.QuadClass), Goldstein: r.Goldstein,
		Target: r.Target.Name, TargetID: r.Target.ID, TargetCode: r.Target.Code, TargetType: string(r.Target.Type),
		Negated: r.Negated, Modality: string(r.Modality), Symmetric: r.Symmetric, Confidence: r.Confidence,
		Doc: r.Doc, SentenceIndex: int32(r.SentenceIndex), Start: int64(r.Start), End: int64(r.End), Sentence: r.Sentence,
		Origin: r.Origin, Mentions: int32(r.Mentions), Sources: int32(r.Sources)}
	if r.Reporter != nil {
		p.Reporter = &r.Reporter.Name
	}
	return p
}

// panelParquet is a panel row as one Parquet row: the columns of kg
// panel --format csv, typed; a period without events has no mean (null).
type panelParquet struct {
	Period              string   `parquet:"period"`
	Source              string   `parquet:"source"`
	SourceID            string   `parquet:"source_id"`
	SourceCode          string   `parquet:"source_code"`
	Target              string   `parquet:"target"`
	TargetID            string   `parquet:"target_id"`
	TargetCode          string   `parquet:"target_code"`
	Events              int32    `parquet:"events"`
	VerbalCooperation   int32    `parquet:"verbal_cooperation"`
	MaterialCooperation int32    `parquet:"material_cooperation"`
	VerbalConflict      int32    `parquet:"verbal_conflict"`
	MaterialConflict    int32    `parquet:"material_conflict"`
	GoldsteinSum        float64  `parquet:"goldstein_sum"`
	GoldsteinMean       *float64 `parquet:"goldstein_mean,optional"`
	FirstDate           string   `parquet:"first_date"`
	LastDate            string   `parquet:"last_date"`
}

func panelToParquet(r panelRecord) panelParquet {
	return panelParquet{Period: r.Period, Source: r.Source.Name, SourceID: r.Source.ID, SourceCode: r.Source.Code,
		Target: r.Target.Name, TargetID: r.Target.ID, TargetCode: r.Target.Code, Events: int32(r.Events),
		VerbalCooperation: int32(r.VerbalCooperation), MaterialCooperation: int32(r.MaterialCooperation),
		VerbalConflict: int32(r.VerbalConflict), MaterialConflict: int32(r.MaterialConflict),
		GoldsteinSum: r.GoldsteinSum, GoldsteinMean: r.GoldsteinMean, FirstDate: r.First, LastDate: r.Last}
}
