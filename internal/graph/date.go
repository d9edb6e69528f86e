package graph

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Precision tells how much of a Date is known.
type Precision uint8

// Precisions, from none to a full day.
const (
	NoDate Precision = iota
	Year
	Month
	Day
)

func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	}
	return ""
}

// Date is a calendar date known to year, month or day precision. The zero
// value is "no date". Month and Day are zero when not known.
type Date struct {
	Year, Month, Day int
}

// Precision reports how much of d is set.
func (d Date) Precision() Precision {
	switch {
	case d.Year == 0:
		return NoDate
	case d.Month == 0:
		return Year
	case d.Day == 0:
		return Month
	}
	return Day
}

// IsZero reports whether d holds no date.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats d as 2012, 2012-10 or 2012-10-04; "" for no date.
func (d Date) String() string {
	switch d.Precision() {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Before orders dates by their known parts; an unknown month or day sorts
// first within its year or month. No date sorts before every date.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// ParseDate reads 2012, 2012-10 or 2012-10-04 (and "" as no date). Longer
// RFC 3339 timestamps are accepted and cut to the day.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return Date{}, fmt.Errorf("bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", s)
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: n[1], Day: n[2]}
	if d.Year < 1 || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > DaysInMonth(d.Year, d.Month) {
		return Date{}, fmt.Errorf("bad date %q: out of range", s)
	}
	if len(parts) == 3 && d.Day == 0 || len(parts) >= 2 && d.Month == 0 {
		return Date{}, fmt.Errorf("bad date %q: zero month or day", s)
	}
	return d, nil
}

// DaysInMonth returns the number of days of a month of the Gregorian
// calendar, or 0 for month 0.
func DaysInMonth(year, month int) int {
	switch month {
	case 0:
		return 0
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Valid reports whether d is no date or a real calendar date at its
// precision (a day needs a month; the day must exist in that month).
func (d Date) Valid() bool {
	if d.IsZero() {
		return d.Month == 0 && d.Day == 0
	}
	if d.Year < 1 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0 {
		return false
	}
	if d.Month == 0 && d.Day != 0 {
		return false
	}
	return d.Day <= DaysInMonth(d.Year, d.Month)
}

// FirstDay and LastDay give the first and last day a date may mean: a date
// known to the year or month stands for a span, so comparisons and time
// intervals should cover all of it. No date stays no date.
func (d Date) FirstDay() Date { return d.fill(1, func(Date) int { return 1 }) }

// LastDay: see FirstDay.
func (d Date) LastDay() Date {
	return d.fill(12, func(d Date) int { return DaysInMonth(d.Year, d.Month) })
}

// fill sets a missing month to month and a missing day to day's answer.
func (d Date) fill(month int, day func(Date) int) Date {
	if d.IsZero() {
		return d
	}
	if d.Month == 0 {
		d.Month = month
	}
	if d.Day == 0 {
		d.Day = day(d)
	}
	return d
}

// MarshalJSON writes the date as its string form ("" for none).
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads the string form.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date: %w", err)
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
