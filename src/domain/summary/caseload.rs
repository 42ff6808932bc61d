//! The OT's caseload across several summaries: a row per person and the totals.

use super::*;

/// One person's figures in the caseload table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseloadRow {
    pub name: String,
    pub period: String,
    pub t_now: Option<i32>,
    pub t_start: Option<i32>,
    /// Confidence check-in change, in tenths.
    pub confidence: Option<i32>,
    pub self_efficacy: Option<i32>,
    /// GP appointments a month, in tenths, before and since the OT start.
    pub gp_before: Option<i64>,
    pub gp_since: Option<i64>,
    /// Days off sick and fit notes (asked for and received) in the period.
    pub sick_days: Option<u32>,
    pub fit_notes: Option<u32>,
}

/// "x of y (z%)": a share of people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub of: u32,
    pub out_of: u32,
}

impl Share {
    pub fn percent(&self) -> Option<i64> {
        div_round(i64::from(self.of) * 100, i64::from(self.out_of))
    }

    /// "3 of 4 (75%)", or "no one with these figures" when there is no one to count.
    pub fn words(&self) -> String {
        match self.percent() {
            Some(p) => format!("{} of {} ({p}%)", self.of, self.out_of),
            None => "no one with these figures".into(),
        }
    }
}

/// Totals across people in the service's terms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseloadTotals {
    pub people: u32,
    /// Of people with GP rates before and since: fewer a month since, and halved or better.
    pub fewer_gp: Share,
    pub halved_gp: Share,
    /// Average confidence check-in change in tenths, over people with a change.
    pub confidence_average: Option<i64>,
    pub more_confident: Share,
    pub self_efficacy_average: Option<i64>,
    /// Of people with days recorded before and since: any sick days before, and since.
    pub off_sick_before: Share,
    pub off_sick_since: Share,
    /// Fit notes in all the periods, over people who included them.
    pub fit_notes: u32,
    pub sick_days: u32,
    /// Average goal score (tenths) and people at 50 or more.
    pub t_average: Option<i64>,
    pub t_met: Share,
}

impl CaseloadTotals {
    /// The totals as sentences, each with its heading, for the OT's page. Where no one has
    /// the figures it says so once, in words about what is missing.
    pub fn lines(&self) -> Vec<(&'static str, String)> {
        let points = |v: i64| {
            let unit = if v.abs() == 10 { "point" } else { "points" };
            format!("{} {unit}", signed_tenths(v))
        };
        let gp = if self.fewer_gp.out_of == 0 {
            "No one has GP appointments recorded before starting and records since, so there is nothing to compare.".to_string()
        } else {
            format!(
                "Fewer a month since starting: {}. Half as many or fewer: {}.",
                self.fewer_gp.words(),
                self.halved_gp.words()
            )
        };
        let confidence = match self.confidence_average {
            None => "No check-ins in these summaries.".to_string(),
            Some(v) => format!(
                "Average change {}. More confident: {}.",
                points(v),
                self.more_confident.words()
            ),
        };
        let questionnaire = match self.self_efficacy_average {
            None => "No questionnaires in these summaries.".to_string(),
            Some(v) => format!("Average change {}.", points(v)),
        };
        let off_sick = if self.off_sick_before.out_of == 0 {
            "No one has records both before and since starting, so there is nothing to compare."
                .to_string()
        } else {
            format!(
                "Any days off sick before starting: {}. Since starting: {}.",
                self.off_sick_before.words(),
                self.off_sick_since.words()
            )
        };
        let in_periods = format!(
            "{} off sick; {} asked for or received.",
            measures::count_words(self.sick_days.into(), "day", "days"),
            measures::count_words(self.fit_notes.into(), "fit note", "fit notes")
        );
        let goals = match self.t_average {
            None => "No goal has a level recorded in these summaries.".to_string(),
            Some(v) => format!(
                "Average {}. At 50 or more (goals met as expected or better): {}.",
                measures::one_decimal(v),
                self.t_met.words()
            ),
        };
        vec![
            ("GP appointments a month", gp),
            ("Confidence check-in", confidence),
            ("Confidence questionnaire", questionnaire),
            ("Off sick", off_sick),
            ("In the summaries' periods", in_periods),
            ("Goal score (T-score)", goals),
        ]
    }
}

/// The caseload table: a row per summary and the totals.
pub fn caseload(summaries: &[Summary]) -> (Vec<CaseloadRow>, CaseloadTotals) {
    let mut rows = Vec::new();
    let mut t = CaseloadTotals {
        people: summaries.len() as u32,
        ..CaseloadTotals::default()
    };
    let (mut conf_sum, mut conf_n, mut se_sum, mut se_n, mut t_sum) =
        (0i64, 0i64, 0i64, 0i64, 0i64);
    for s in summaries {
        let g = s.goals.as_ref();
        let r = s.ratings.as_ref();
        let o = s.outcomes.as_ref();
        let gp = OutcomeKind::GpAppointment;
        let row = CaseloadRow {
            name: if s.name.is_empty() {
                "(no name given)".into()
            } else {
                s.name.clone()
            },
            period: format!("{} to {}", short_date(s.from), short_date(s.to)),
            t_now: g.and_then(|g| g.t_now),
            t_start: g.and_then(|g| g.t_start),
            confidence: r.and_then(|r| r.confidence.as_ref()).map(|c| c.change),
            self_efficacy: r.and_then(|r| r.self_efficacy.as_ref()).map(|c| c.change),
            gp_before: o.and_then(|o| o.before.as_ref()).and_then(|b| b.rate(gp)),
            gp_since: o.and_then(|o| o.since.as_ref()).and_then(|b| b.rate(gp)),
            sick_days: o.map(|o| o.counts[1]),
            fit_notes: o.map(|o| o.counts[2] + o.counts[3]),
        };
        // Shares compare exact rates (events x days), not the rounded tenths.
        if let Some((b, n)) = o.and_then(|o| Some((o.before.as_ref()?, o.since.as_ref()?))) {
            if b.days > 0 && n.days > 0 {
                let before = u64::from(b.counts[0]) * u64::from(n.days);
                let since = u64::from(n.counts[0]) * u64::from(b.days);
                if b.counts[0] > 0 {
                    t.fewer_gp.out_of += 1;
                    t.halved_gp.out_of += 1;
                    t.fewer_gp.of += u32::from(since < before);
                    t.halved_gp.of += u32::from(since * 2 <= before);
                }
                t.off_sick_before.out_of += 1;
                t.off_sick_since.out_of += 1;
                t.off_sick_before.of += u32::from(b.counts[1] > 0);
                t.off_sick_since.of += u32::from(n.counts[1] > 0);
            }
        }
        if let Some(c) = row.confidence {
            conf_sum += i64::from(c);
            conf_n += 1;
            t.more_confident.out_of += 1;
            t.more_confident.of += u32::from(c > 0);
        }
        if let Some(c) = row.self_efficacy {
            se_sum += i64::from(c);
            se_n += 1;
        }
        if let Some(now) = row.t_now {
            t_sum += i64::from(now);
            t.t_met.out_of += 1;
            t.t_met.of += u32::from(now >= 500);
        }
        t.sick_days += row.sick_days.unwrap_or(0);
        t.fit_notes += row.fit_notes.unwrap_or(0);
        rows.push(row);
    }
    t.confidence_average = div_round(conf_sum, conf_n);
    t.self_efficacy_average = div_round(se_sum, se_n);
    t.t_average = div_round(t_sum, i64::from(t.t_met.out_of));
    (rows, t)
}

/// A change in tenths with its sign: "+1.5", "-2", "0".
pub fn signed_tenths(tenths: i64) -> String {
    let sign = if tenths > 0 { "+" } else { "" };
    format!("{sign}{}", measures::tenths_text(tenths))
}
