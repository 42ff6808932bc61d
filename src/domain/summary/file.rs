//! The summary file: writing it, and reading and checking one from outside.

use super::*;

/// The file name for a summary: `everyday-summary-2026-03-28.json`.
pub fn summary_file_name(s: &Summary) -> String {
    format!("everyday-summary-{}.json", iso_date(s.to))
}

/// Write a summary as its versioned file.
pub fn encode_summary(s: &Summary, at: NaiveDateTime) -> String {
    let envelope = Envelope {
        format: SUMMARY_FORMAT.to_string(),
        version: SUMMARY_VERSION,
        saved_at: Some(at),
        data: s,
    };
    // Compact, like the backup, so the (de)serialising code of the shared record types is
    // shared too. Serialising plain data to a String cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// Read and check a summary file's bytes: size, JSON, format name, version, then every value.
pub fn read_summary(bytes: &[u8]) -> Result<Envelope<Summary>, DecodeError> {
    if bytes.len() > MAX_SUMMARY_BYTES {
        return Err(DecodeError::TooLarge {
            size: bytes.len(),
            limit: MAX_SUMMARY_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::NotJson)?;
    let header: Header = match serde_json::from_str(text) {
        Ok(h) => h,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(DecodeError::NotJson),
        Err(_) => {
            return Err(DecodeError::Damaged(
                "it has no Everyday format name or version".into(),
            ))
        }
    };
    if header.format != SUMMARY_FORMAT {
        return Err(DecodeError::WrongFormat {
            found: header.format.chars().take(40).collect(),
        });
    }
    if header.version > SUMMARY_VERSION {
        return Err(DecodeError::NewerVersion {
            found: header.version,
        });
    }
    if header.version == 0 {
        return Err(DecodeError::UnknownOldVersion { found: 0 });
    }
    let envelope: Envelope<Summary> =
        serde_json::from_str(text).map_err(|e| DecodeError::Damaged(e.to_string()))?;
    crate::domain::dates::check_dates(&envelope.saved_at)?;
    validate(&envelope.data)?;
    Ok(envelope)
}

fn check_t(t: Option<i32>) -> Result<(), DomainError> {
    if let Some(t) = t {
        check_range("goal score", t.into(), 0, 1000)?;
    }
    Ok(())
}

fn check_score(what: &str, s: &ScoreAt) -> Result<(), DomainError> {
    check_range(what, s.score.into(), 0, 100)
}

/// Every value of a summary within its range, so a damaged or altered file is reported rather
/// than shown.
pub fn validate(s: &Summary) -> Result<(), DomainError> {
    // Every date first: the sheet does arithmetic with them.
    crate::domain::dates::check_dates(s)?;
    check_text("name", &s.name, MAX_NAME_CHARS)?;
    if s.from > s.to {
        return Err(DomainError::Invalid(
            "The summary's period ends before it starts.".into(),
        ));
    }
    if let Some(t) = &s.talk_about {
        check_text("\"what I want to talk about\" text", t, MAX_TALK_CHARS)?;
    }
    if let Some(g) = &s.goals {
        for t in [g.t_now, g.t_start, g.t_weighted_now, g.t_weighted_start] {
            check_t(t)?;
        }
        for line in &g.goals {
            check_text("goal", &line.title, MAX_ITEM_CHARS)?;
            check_text("goal", &line.sentence, MAX_ITEM_CHARS)?;
            check_range("goal's starting level", line.baseline.into(), -2, -1)?;
            for w in [line.importance, line.difficulty].into_iter().flatten() {
                check_range("goal's importance or difficulty", w.into(), 0, 3)?;
            }
            for l in line.levels.iter().map(|l| l.level).chain(line.before) {
                check_range("goal level", l.into(), -2, 2)?;
            }
            for step in &line.steps {
                check_text("step", &step.title, MAX_ITEM_CHARS)?;
            }
        }
    }
    if let Some(r) = &s.ratings {
        for line in [&r.confidence, &r.self_efficacy, &r.work_ability]
            .into_iter()
            .flatten()
        {
            check_score("score", &line.first)?;
            check_score("score", &line.latest)?;
            check_range("change in score", line.change.into(), -100, 100)?;
        }
    }
    if let Some(o) = &s.outcomes {
        for e in &o.events {
            check_text("reason", &e.reason, MAX_ITEM_CHARS)?;
        }
    }
    let dated = |what: &str, d: NaiveDate| {
        if d > s.to {
            Err(DomainError::Invalid(format!(
                "The summary has {what} dated after its period."
            )))
        } else {
            Ok(())
        }
    };
    if let Some(d) = &s.diary {
        for r in &d.ratings {
            check_range("average rating", r.average.into(), 0, 100)?;
        }
    }
    if let Some(w) = &s.workplace {
        for i in &w.items {
            check_text("workplace item", &i.text, MAX_ITEM_CHARS)?;
            check_text("reason", &i.reason, MAX_ITEM_CHARS)?;
            check_text("note", &i.note, MAX_ITEM_CHARS)?;
        }
        for wk in &w.weeks {
            check_range("hours in a phased return week", wk.hours.into(), 0, 80)?;
            check_range("days in a phased return week", wk.days.into(), 0, 7)?;
        }
    }
    if let Some(h) = &s.home {
        for z in &h.hazards {
            check_text("hazard", &z.hazard, MAX_ITEM_CHARS)?;
            check_text("suggested fix", &z.fix, MAX_ITEM_CHARS)?;
            for a in &z.actions {
                check_text("action", &a.what, MAX_ITEM_CHARS)?;
                dated("an action", a.date)?;
            }
        }
        if let Some(f) = &h.falls {
            dated("a falls self-check", f.date)?;
        }
    }
    Ok(())
}
