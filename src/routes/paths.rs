//! Every path in the app, in one place.

pub const TODAY: &str = "/";
pub const GOALS: &str = "/goals";
pub const DIARY: &str = "/diary";
pub const DIARY_WEEK: &str = "/diary/week";
pub const DIARY_INSIGHTS: &str = "/diary/insights";
pub const DIARY_PACING: &str = "/diary/pacing";
pub const CHECKLISTS: &str = "/checklists";
pub const PROGRESS: &str = "/progress";
pub const PROGRESS_QUESTIONNAIRE: &str = "/progress/questionnaire";
pub const PROGRESS_WORK_ABILITY: &str = "/progress/work-ability";
pub const PROGRESS_EVENTS: &str = "/progress/appointments";
pub const SETTINGS: &str = "/settings";
pub const SETTINGS_OT: &str = "/settings/ot";
pub const SETTINGS_DIARY: &str = "/settings/diary";
pub const SETTINGS_BACKUP: &str = "/settings/backup";
pub const SETTINGS_LOCK: &str = "/settings/lock";
pub const OT: &str = "/ot";
pub const EMPLOYER: &str = "/employer";
pub const PLAN: &str = "/plan";
pub const OT_PLAN: &str = "/ot/plan";
pub const GOAL_NEW: &str = "/goals/new";
pub const WORKPLACE: &str = "/checklists/work";
pub const WORK_COVERS: &str = "/checklists/work/covers";
pub const WORK_ADJUSTMENTS: &str = "/checklists/work/adjustments";
pub const WORK_ADJUSTMENTS_ADD: &str = "/checklists/work/adjustments/add";
pub const WORK_DIFFICULTIES: &str = "/checklists/work/difficulties";
pub const PHASED_RETURN: &str = "/checklists/work/return";
pub const WELLNESS: &str = "/checklists/work/wellness";
pub const SHARE: &str = "/checklists/work/share";
pub const SHARE_LINK: &str = "/checklists/work/share/link";
pub const HOME_SAFETY: &str = "/checklists/home";
pub const FALLS: &str = "/checklists/home/falls";
pub const FALLS_CHECK: &str = "/checklists/home/falls/check";
pub const FALLS_RESULT: &str = "/checklists/home/falls/result";

/// A statement of the falls self-check, one per page (1-based).
pub fn falls_question(n: usize) -> String {
    format!("{FALLS}/{n}")
}

/// A room of the home-safety checklist.
pub fn room(room: crate::domain::checklists::Room) -> String {
    format!("/checklists/home/room/{}", room.code())
}

/// One thing on a room's checklist, one per page (1-based).
pub fn room_item(room: crate::domain::checklists::Room, n: usize) -> String {
    format!("/checklists/home/room/{}?item={n}", room.code())
}
pub const SUMMARY: &str = "/summary";
pub const OT_SUMMARIES: &str = "/ot/summaries";

/// A goal's own page.
pub fn goal(id: crate::domain::ids::GoalId) -> String {
    format!("/goals/{}", id.0)
}

/// The builder, to change a goal.
pub fn goal_change(id: crate::domain::ids::GoalId) -> String {
    format!("/goals/{}/change", id.0)
}
