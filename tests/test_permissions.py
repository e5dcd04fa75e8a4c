"""The permission matrix: every URL of the portal × every role → the expected status code.

The world (``tests/permission_world.py``) has two offices: A runs the event and holds the
people and postings, B is another office whose manager must see only what the public sees.
A GET answers 405 for the views that only take POST; those are then posted empty, after every
GET (so that a refused POST proves the permission, and an accepted one changes as little as
possible). Logging out comes last. The Django admin site is left to Django.

Reading a row: 200 shown, 302 sent elsewhere (to log in, or back after a POST), 400/410 a
link or input that cannot be used, 404 refused without saying the page exists, 405 a method
the view does not take.
"""

import pytest
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from tests.permission_world import ROLES, build

pytestmark = pytest.mark.django_db

# URL name → its arguments: a key of the world's references, or "=literal".
ARGS = {
    # Contests (以赛引才): office A's contest; the mentee's team entered it.
    "events:contest_detail": {"pk": "contest"},
    "events:contest_enter": {"pk": "contest"},
    "events:contest_entry": {"pk": "contest", "entry_id": "contest_entry"},
    "events:contest_entry_edit": {"pk": "contest", "entry_id": "contest_entry"},
    "events:contest_entry_land": {"pk": "contest", "entry_id": "contest_entry"},
    "events:contest_entry_action": {
        "pk": "contest",
        "entry_id": "contest_entry",
        "action": "=submit",
    },
    "events:contest_attachment": {
        "pk": "contest",
        "entry_id": "contest_entry",
        "kind": "=business_plan",
    },
    "events:contest_judging": {"pk": "contest"},
    "events:contest_sheet": {"pk": "contest", "sheet_id": "=999999"},
    "events:contest_conflict": {"pk": "contest", "sheet_id": "=999999"},
    "events:contest_entries": {"pk": "contest"},
    "events:contest_edit": {"pk": "contest"},
    "events:contest_judges": {"pk": "contest"},
    "events:contest_assignment": {"pk": "contest", "kind": "=preliminary"},
    "events:contest_assignment_decide": {"pk": "contest", "kind": "=preliminary"},
    "events:contest_ranking": {"pk": "contest", "kind": "=preliminary"},
    "events:contest_round_action": {"pk": "contest", "kind": "=preliminary", "action": "=close"},
    "events:contest_final": {"pk": "contest"},
    "events:contest_awards": {"pk": "contest"},
    "events:contest_export": {"pk": "contest"},
    "events:contest_screen": {"pk": "contest"},
    "events:contest_screen_state": {"pk": "contest"},
    "events:contest_screen_stream": {"pk": "contest"},
    "events:meetings:person": {"pk": "event", "profile_id": "meeting_profile"},
    "events:meetings:answer": {"pk": "event", "request_id": "meeting_request", "action": "=accept"},
    "events:meetings:follow_up": {"pk": "event", "meeting_id": "meeting"},
    "events:meetings:follow_up_outcome": {"pk": "event", "follow_up_id": "meeting_follow_up"},
    "events:meetings:remove": {"pk": "event", "what": "=table", "row_id": "meeting_table"},
    "events:meetings:meeting_move": {"pk": "event", "meeting_id": "meeting"},
    "events:meetings:meeting_lock": {"pk": "event", "meeting_id": "meeting"},
    "events:meetings:table": {"pk": "event", "table_id": "meeting_table"},
    "events:meetings:no_show": {"pk": "event", "meeting_id": "meeting"},
    "office_detail": {"pk": "office_a"},
    "office_invite": {"pk": "office_a"},
    "office_member_remove": {"pk": "office_a"},
    "office_invitation_revoke": {"pk": "office_a"},
    "invitation_accept": {"token": "office_token"},
    "certificate_list": {"pk": "office_a"},
    "certificate_create": {"pk": "office_a"},
    "certificate_print": {"pk": "office_a"},
    "certificate_detail": {"pk": "office_a", "certificate_pk": "certificate"},
    "certificate_issue": {"pk": "office_a", "certificate_pk": "certificate"},
    "certificate_revoke": {"pk": "office_a", "certificate_pk": "certificate"},
    "certificate_pdf": {"pk": "office_a", "certificate_pk": "certificate"},
    "certificate_templates": {"pk": "office_a"},
    "certificate_template_edit": {"pk": "office_a", "kind": "=appointment"},
    "certificate_template_seal": {"pk": "office_a", "kind": "=appointment"},
    "certificate_template_sample": {"pk": "office_a", "kind": "=appointment"},
    "certificate_verify": {"code": "certificate_code"},
    "events:gap_experts": {"code": "=3501", "field": "=talent-map-field"},
    "password_reset_confirm": {"uidb64": "=MQ", "token": "=made-up"},
    "mentors:mentor_detail": {"pk": "expert"},
    "mentors:mentor_edit": {"pk": "expert"},
    "mentors:mentee_detail": {"pk": "mentee"},
    "mentors:mentee_edit": {"pk": "mentee"},
    "mentors:organization_detail": {"pk": "firm"},
    "mentors:organization_edit": {"pk": "firm"},
    "mentors:pairing_accept": {"pk": "pairing"},
    "mentors:pairing_decline": {"pk": "pairing"},
    "mentors:pairing_end": {"pk": "pairing"},
    "mentors:import_template": {"kind": "=mentors"},
    "mentors:office_experts": {"pk": "office_a"},
    "mentors:office_invite": {"pk": "office_a"},
    "mentors:office_sheet": {"pk": "office_a"},
    "mentors:office_studios": {"pk": "office_a"},
    "mentors:studio": {"pk": "studio"},
    "mentors:profile_claim": {"token": "claim_token"},
    "mentors:hometown:roster": {"pk": "office_a"},
    "mentors:hometown:roster_add": {"pk": "office_a"},
    "mentors:hometown:roster_natives": {"pk": "office_a"},
    "mentors:hometown:register": {"pk": "office_a"},
    "mentors:hometown:register_print": {"pk": "office_a"},
    "mentors:hometown:entry": {"pk": "roster_entry"},
    "mentors:hometown:entry_edit": {"pk": "roster_entry"},
    "mentors:hometown:contact_add": {"pk": "roster_entry"},
    "mentors:hometown:appoint": {"pk": "roster_entry"},
    "mentors:hometown:renew": {"pk": "appointment"},
    "mentors:hometown:end": {"pk": "appointment"},
    "projects:firm_experts": {"pk": "firm"},
    "projects:firm_matchmaking": {"pk": "office_a"},
    "projects:firm_matchmaking_plan": {"pk": "office_a"},
    "projects:firm_match_accept": {"pk": "firm_match"},
    "projects:firm_match_decline": {"pk": "firm_match"},
    "mentors:taxonomy_add": {"kind": "=fields"},
    "mentors:taxonomy_edit": {"kind": "=fields", "pk": "field"},
    "mentors:taxonomy_delete": {"kind": "=fields", "pk": "field"},
    "projects:attachment": {"pk": "=999999"},
    "projects:claim_action": {"pk": "claim", "action": "=accept"},
    "projects:board": {"kind": "=challenges"},
    "projects:posting_create": {"kind": "=challenges"},
    "projects:posting": {"kind": "=challenges", "pk": "challenge"},
    "projects:posting_edit": {"kind": "=challenges", "pk": "challenge"},
    "projects:claim_create": {"kind": "=challenges", "pk": "challenge"},
    "projects:posting_send_back": {"kind": "=challenges", "pk": "challenge"},
    "projects:posting_landing": {"kind": "=challenges", "pk": "challenge"},
    "projects:landing_followup": {"kind": "=projects", "pk": "project"},
    "projects:posting_action": {"kind": "=challenges", "pk": "challenge", "action": "=close"},
    "projects:for_you_feedback": {"kind": "=challenges", "pk": "challenge"},
    "projects:recompute_progress": {"pk": "=999999"},
    "projects:recompute_stream": {"pk": "=999999"},
    "projects:suggestion_invite": {"pk": "=999999"},
    "projects:suggestion_feedback": {"pk": "=999999"},
    "projects:suggestions": {"kind": "=challenges", "pk": "challenge"},
    "projects:commissioners:request": {"pk": "expert"},
    "projects:commissioners:office": {"pk": "office_a"},
    "projects:commissioners:office_firm": {"pk": "office_a", "firm": "firm"},
    "projects:commissioners:policy": {"pk": "office_a"},
    "projects:commissioners:dashboard": {"pk": "office_a"},
    "projects:commissioners:dashboard_export": {"pk": "office_a"},
    "projects:commissioners:dispatch_end": {"pk": "dispatch"},
    "projects:commissioners:request_accept": {"pk": "=999999"},
    "projects:commissioners:request_decline": {"pk": "=999999"},
    "projects:commissioners:record": {"pk": "record"},
    "projects:commissioners:record_edit": {"pk": "record"},
    "projects:commissioners:record_confirm": {"pk": "record"},
    "projects:commissioners:record_dispute": {"pk": "record"},
    "projects:commissioners:record_file": {"pk": "=999999"},
    "projects:commissioners:draft_edit": {"pk": "record"},
    "projects:commissioners:draft": {"pk": "=999999"},
    "projects:commissioners:draft_decline": {"pk": "=999999"},
    "projects:commissioners:whistle": {"pk": "whistle"},
    "projects:commissioners:whistle_acknowledge": {"pk": "whistle"},
    "projects:commissioners:whistle_close": {"pk": "whistle"},
    "projects:commissioners:whistle_assign": {"pk": "whistle"},
    "events:ticket": {"code": "code"},
    "events:cancel": {"code": "code"},
    "events:board": {"pk": "event", "kind": "=challenges"},
    "events:category_edit": {"pk": "event", "category_id": "category"},
    "events:posting_update": {"pk": "event", "link_id": "link"},
    "events:registration_decide": {
        "pk": "event",
        "registration_id": "registration",
        "decision": "=approve",
    },
    "events:badges": {"pk": "event", "category_id": "category"},
    "events:ceremony_move": {"pk": "event", "pair_id": "pair"},
    "events:platform_export": {"dataset": "=mentors", "fmt": "=csv"},
    "events:export_job": {"token": "=made-up"},
    "events:export_job_progress": {"token": "=made-up"},
    "events:export_job_stream": {"token": "=made-up"},
    "events:export_download": {"token": "=made-up"},
    "events:export": {"pk": "event", "dataset": "=registrations", "fmt": "=csv"},
    "events:team_accept": {"token": "team_token"},
    "events:expert_reply_link": {"token": "expert_token"},
    "events:expert_reply": {"invitation_id": "invitation"},
    "events:call_import_template": {"pk": "event", "kind": "=projects"},
    "events:signing_land": {"pk": "event", "signing_id": "signing"},
    # Retrying a failed background job.
    "projects:recompute_retry": {"pk": "=999999"},
    "events:export_retry": {"token": "=made-up"},
}
# Every other URL with an argument is an event's.
EVENT_ARG = {"pk": "event"}

# The expected status per role. Columns: visitor, expert, mentee, enterprise; office A's
# manager, reviewer and staff; office B's manager; the event's co-organizer, check-in staff
# and ceremony operator; the platform admin.
TABLE_TEXT = """
URL name                                   vis exp mte ent mgA rvA stA mgB co  chk cer adm
home                                       200 200 200 200 200 200 200 200 200 200 200 200
healthz                                    200 200 200 200 200 200 200 200 200 200 200 200
set_language                               302 302 302 302 302 302 302 302 302 302 302 302
notifications                              302 200 200 200 200 200 200 200 200 200 200 200
audit_trail                                302 404 404 404 404 404 404 404 404 404 404 200
office_list                                302 200 200 200 200 200 200 200 200 200 200 200
office_create                              302 404 404 404 404 404 404 404 404 404 404 200
office_detail                              302 404 404 404 200 200 200 404 404 404 404 200
office_invite                              302 404 404 404 200 404 404 404 404 404 404 200
office_member_remove                       302 404 404 404 404 404 404 404 404 404 404 404
office_invitation_revoke                   302 404 404 404 404 404 404 404 404 404 404 404
invitation_accept                          200 200 200 200 200 200 200 200 200 200 200 200
certificate_list                           302 404 404 404 200 404 404 404 404 404 404 200
certificate_create                         302 404 404 404 200 404 404 404 404 404 404 200
certificate_print                          302 404 404 404 200 404 404 404 404 404 404 200
certificate_detail                         302 404 404 404 200 404 404 404 404 404 404 200
certificate_issue                          302 404 404 404 302 404 404 404 404 404 404 302
certificate_revoke                         302 404 404 404 302 404 404 404 404 404 404 302
certificate_pdf                            302 404 404 404 200 404 404 404 404 404 404 200
certificate_templates                      302 404 404 404 200 404 404 404 404 404 404 200
certificate_template_edit                  302 404 404 404 200 404 404 404 404 404 404 200
certificate_template_seal                  302 404 404 404 404 404 404 404 404 404 404 404
certificate_template_sample                302 404 404 404 200 404 404 404 404 404 404 200
certificate_verify                         404 404 404 404 404 404 404 404 404 404 404 404
region_suggest                             200 200 200 200 200 200 200 200 200 200 200 200
signup                                     200 302 302 302 302 302 302 302 302 302 302 302
login                                      200 302 302 302 302 302 302 302 302 302 302 302
password_reset                             200 200 200 200 200 200 200 200 200 200 200 200
password_change                            302 200 200 200 200 200 200 200 200 200 200 200
password_change_done                       302 200 200 200 200 200 200 200 200 200 200 200
password_reset_done                        200 200 200 200 200 200 200 200 200 200 200 200
password_reset_confirm                     200 200 200 200 200 200 200 200 200 200 200 200
password_reset_complete                    200 200 200 200 200 200 200 200 200 200 200 200
mentors:mentor_list                        200 200 200 200 200 200 200 200 200 200 200 200
mentors:hometown_list                      200 200 200 200 200 200 200 200 200 200 200 200
mentors:mentee_list                        302 200 403 403 200 403 403 200 403 403 403 200
mentors:organization_list                  302 200 403 403 200 403 403 200 403 403 403 200
mentors:mentor_create                      302 403 403 403 200 403 403 200 403 403 403 200
mentors:mentor_detail                      200 200 200 200 200 200 200 200 200 200 200 200
mentors:mentor_edit                        302 200 404 404 200 404 404 404 404 404 404 200
mentors:mentee_create                      302 403 403 403 200 403 403 200 403 403 403 200
mentors:mentee_detail                      302 200 200 404 200 404 404 200 404 404 404 200
mentors:mentee_edit                        302 404 200 404 200 404 404 404 404 404 404 200
mentors:organization_detail                302 200 404 200 200 404 404 200 404 404 404 200
mentors:organization_edit                  302 404 404 200 200 404 404 404 404 404 404 200
mentors:my_pairings                        302 200 200 200 200 200 200 200 200 200 200 200
mentors:pairing_propose                    302 302 302 302 302 302 302 302 302 302 302 302
mentors:pairing_accept                     302 302 302 404 302 404 404 404 404 404 404 302
mentors:pairing_decline                    302 302 302 404 302 404 404 404 404 404 404 302
mentors:pairing_end                        302 302 302 404 302 404 404 404 404 404 404 302
mentors:import                             302 403 403 403 200 403 403 200 403 403 403 200
mentors:import_commit                      302 403 403 403 302 403 403 302 403 403 403 302
mentors:import_template                    302 403 403 403 200 403 403 200 403 403 403 200
mentors:held_offices                       302 404 404 404 302 404 404 302 404 404 404 200
mentors:office_experts                     302 404 404 404 200 404 404 404 404 404 404 200
mentors:office_invite                      302 404 404 404 302 404 404 404 404 404 404 302
mentors:office_sheet                       302 404 404 404 200 404 404 404 404 404 404 200
mentors:profile_claim                      200 200 200 200 200 200 200 200 200 200 200 200
mentors:office_studios                     302 404 404 404 200 404 404 404 404 404 404 200
mentors:studio                             302 404 404 404 200 404 404 404 404 404 404 200
mentors:taxonomy                           302 404 404 404 200 404 404 200 404 404 404 200
mentors:taxonomy_add                       302 404 404 404 400 404 404 400 404 404 404 400
mentors:taxonomy_edit                      302 404 404 404 200 404 404 200 404 404 404 200
mentors:taxonomy_delete                    302 404 404 404 302 404 404 302 404 404 404 302
projects:index                             302 302 302 302 302 302 302 302 302 302 302 302
projects:my_postings                       302 200 200 200 200 200 200 200 200 200 200 200
projects:my_claims                         302 200 200 200 200 200 200 200 200 200 200 200
projects:review_queue                      302 403 403 403 200 200 403 200 403 403 403 200
projects:onsite                            200 200 200 200 200 200 200 200 200 200 200 200
projects:attachment                        404 404 404 404 404 404 404 404 404 404 404 404
projects:claim_action                      302 404 404 302 302 404 404 404 404 404 404 302
projects:board                             200 200 200 200 200 200 200 200 200 200 200 200
projects:posting_create                    302 403 200 200 200 403 403 200 403 403 403 200
projects:posting                           200 200 200 200 200 200 200 200 200 200 200 200
projects:posting_edit                      302 404 404 404 200 404 404 404 404 404 404 200
projects:claim_create                      302 200 403 403 403 403 403 403 403 403 403 403
projects:posting_send_back                 302 404 404 404 404 404 404 404 404 404 404 404
projects:posting_landing                   302 404 404 404 404 404 404 404 404 404 404 404
projects:posting_action                    302 404 404 302 302 404 404 404 404 404 404 302
projects:landing_followup                  302 200 404 404 200 404 404 404 404 404 404 200
projects:for_you                           302 200 200 200 200 200 200 200 200 200 200 200
projects:for_you_feedback                  302 302 404 404 404 404 404 404 404 404 404 404
projects:suggestion_feedback_report        302 403 403 403 200 403 403 200 403 403 403 200
projects:recompute                         302 403 403 403 200 403 403 200 403 403 403 200
projects:recompute_progress                302 403 403 403 404 403 403 404 403 403 403 404
projects:suggestion_invite                 302 404 404 404 404 404 404 404 404 404 404 404
projects:suggestion_feedback               302 404 404 404 404 404 404 404 404 404 404 404
projects:suggestions                       404 404 404 200 200 404 404 404 404 404 404 200
projects:commissioners:directory           200 200 200 200 200 200 200 200 200 200 200 200
projects:commissioners:request             302 404 404 404 404 404 404 404 404 404 404 404
projects:commissioners:desk                302 200 200 200 200 200 200 200 200 200 200 200
projects:commissioners:office              302 404 404 404 200 404 404 404 404 404 404 200
projects:commissioners:office_firm         302 404 404 404 200 404 404 404 404 404 404 200
projects:commissioners:policy              302 404 404 404 302 404 404 404 404 404 404 302
projects:commissioners:dashboard           302 404 404 404 200 404 404 404 404 404 404 200
projects:commissioners:dashboard_export    302 404 404 404 200 404 404 404 404 404 404 200
projects:commissioners:dispatch_end        302 404 404 404 302 404 404 404 404 404 404 302
projects:commissioners:request_accept      302 404 404 404 404 404 404 404 404 404 404 404
projects:commissioners:request_decline     302 404 404 404 404 404 404 404 404 404 404 404
projects:commissioners:records             302 403 403 200 403 403 403 403 403 403 403 403
projects:commissioners:record_create       302 403 403 403 403 403 403 403 403 403 403 403
projects:commissioners:record              302 200 404 200 200 404 404 404 404 404 404 200
projects:commissioners:record_edit         302 404 404 404 404 404 404 404 404 404 404 404
projects:commissioners:record_confirm      302 302 404 302 302 404 404 404 404 404 404 302
projects:commissioners:record_dispute      302 302 404 302 302 404 404 404 404 404 404 302
projects:commissioners:record_file         302 404 404 404 404 404 404 404 404 404 404 404
projects:commissioners:draft_edit          302 200 404 404 404 404 404 404 404 404 404 404
projects:commissioners:draft               302 404 404 404 404 404 404 404 404 404 404 404
projects:commissioners:draft_decline       302 404 404 404 404 404 404 404 404 404 404 404
projects:commissioners:whistles            302 403 403 200 403 403 403 403 403 403 403 403
projects:commissioners:whistle_create      302 403 403 200 200 403 403 200 403 403 403 200
projects:commissioners:whistle             302 200 404 200 200 404 404 404 404 404 404 200
projects:commissioners:whistle_acknowledge 302 302 404 302 302 404 404 404 404 404 404 302
projects:commissioners:whistle_close       302 302 404 302 302 404 404 404 404 404 404 302
projects:commissioners:whistle_assign      302 302 404 302 302 404 404 404 404 404 404 302
events:list                                200 200 200 200 200 200 200 200 200 200 200 200
events:mine                                302 200 200 200 200 200 200 200 200 200 200 200
events:create                              302 404 404 404 200 404 404 200 404 404 404 200
events:ticket                              302 404 200 404 200 404 404 404 200 404 404 200
events:cancel                              302 404 200 404 200 404 404 404 200 404 404 200
events:detail                              200 200 200 200 200 200 200 200 200 200 200 200
events:board                               200 200 200 200 200 200 200 200 200 200 200 200
events:calendar                            200 200 200 200 200 200 200 200 200 200 200 200
events:register                            302 200 302 200 200 200 200 200 200 200 200 200
events:edit                                302 404 404 404 200 404 404 404 200 404 404 200
events:status                              302 404 404 404 302 404 404 404 302 404 404 302
events:manage                              302 404 404 404 200 404 404 404 200 404 404 200
events:category_add                        302 404 404 404 200 404 404 404 200 404 404 200
events:category_edit                       302 404 404 404 200 404 404 404 200 404 404 200
events:question_add                        302 404 404 404 200 404 404 404 200 404 404 200
events:session_add                         302 404 404 404 200 404 404 404 200 404 404 200
events:postings                            302 404 404 404 200 404 404 404 200 404 404 200
events:posting_link                        302 404 404 404 302 404 404 404 302 404 404 302
events:posting_update                      302 404 404 404 302 404 404 404 302 404 404 302
events:registrations                       302 404 404 404 200 404 404 404 200 404 404 200
events:registration_assign                 302 404 404 404 200 404 404 404 200 404 404 200
events:registration_decide                 302 404 404 404 302 404 404 404 302 404 404 302
events:checkin                             302 404 404 404 200 404 404 404 200 200 404 200
events:checkin_search                      404 404 404 404 200 404 404 404 200 200 404 200
events:checkin_counters                    302 404 404 404 200 404 404 404 200 200 404 200
events:checkin_sync                        302 404 404 404 400 404 404 404 400 400 404 400
events:badges                              302 404 404 404 200 404 404 404 200 404 404 200
events:ceremony                            302 404 404 404 200 404 404 404 200 404 404 200
events:ceremony_fill                       302 404 404 404 302 404 404 404 302 404 404 302
events:ceremony_certificates               302 404 404 404 200 404 404 404 200 404 404 200
events:ceremony_add                        302 404 404 404 302 404 404 404 302 404 404 302
events:ceremony_move                       302 404 404 404 302 404 404 404 302 404 404 302
events:console                             302 404 404 404 200 404 404 404 200 404 200 200
events:screen                              200 200 200 200 200 200 200 200 200 200 200 200
events:screen_state                        200 200 200 200 200 200 200 200 200 200 200 200
events:audience                            200 200 200 200 200 200 200 200 200 200 200 200
events:audience_state                      200 200 200 200 200 200 200 200 200 200 200 200
events:ceremony_stream                     200 200 200 200 200 200 200 200 200 200 200 200
events:stats_overview                      302 404 404 404 200 404 404 200 404 404 404 200
events:talent_map                         302 404 404 404 200 404 404 200 404 404 404 200
events:talent_gaps                         302 404 404 404 200 404 404 200 404 404 404 200
events:gap_experts                         302 404 404 404 200 404 404 200 404 404 404 200
events:export_log                          302 404 404 404 404 404 404 404 404 404 404 200
events:platform_export                     302 404 404 404 200 404 404 200 404 404 404 200
events:export_job                          302 404 404 404 404 404 404 404 404 404 404 404
events:export_job_progress                 302 404 404 404 404 404 404 404 404 404 404 404
events:export_download                     302 404 404 404 404 404 404 404 404 404 404 404
events:stats                               302 404 404 404 200 404 404 404 200 404 404 200
events:report                              302 404 404 404 200 404 404 404 200 404 404 200
events:report_docx                         302 404 404 404 200 404 404 404 200 404 404 200
events:export                              302 404 404 404 200 404 404 404 200 404 404 200
events:signings                            302 404 404 404 200 404 404 404 200 404 404 200
events:outcomes                            302 404 404 404 200 404 404 200 404 404 404 200
events:outcomes_docx                       302 404 404 404 200 404 404 200 404 404 404 200
events:signing_land                        302 404 404 404 302 404 404 404 302 404 404 302
events:team_accept                         200 200 200 200 200 200 200 200 200 200 200 200
events:team                                302 404 404 404 200 404 404 404 404 404 404 200
events:team_add                            302 404 404 404 200 404 404 404 404 404 404 200
events:team_remove                         302 404 404 404 404 404 404 404 404 404 404 404
events:team_revoke                         302 404 404 404 404 404 404 404 404 404 404 404
events:call_queue                          302 404 404 404 200 404 404 404 200 404 404 200
events:call_submit                         302 200 200 200 200 200 200 200 200 200 200 200
events:call_reopen                         302 404 404 404 302 404 404 404 302 404 404 302
events:call_import                         302 404 404 404 200 404 404 404 200 404 404 200
events:call_import_commit                  302 404 404 404 302 404 404 404 302 404 404 302
events:call_import_template                302 404 404 404 200 404 404 404 200 404 404 200
events:expert_reply_link                   200 200 200 200 200 200 200 200 200 200 200 200
events:expert_reply                        302 302 404 404 404 404 404 404 404 404 404 404
events:experts                             302 404 404 404 200 404 404 404 200 404 404 200
events:plan                                302 404 404 404 200 404 404 404 200 404 404 200
events:plan_decide                         302 404 404 404 404 404 404 404 404 404 404 404
events:plan_accept                         302 404 404 404 302 404 404 404 302 404 404 302
events:contest_list                        200 200 200 200 200 200 200 200 200 200 200 200
events:contest_create                      302 404 404 404 200 404 404 200 404 404 404 200
events:contest_detail                      200 200 200 200 200 200 200 200 200 200 200 200
events:contest_enter                       302 200 200 200 200 200 200 200 200 200 200 200
events:contest_entry                       302 404 200 404 200 404 404 404 404 404 404 200
events:contest_entry_edit                  302 404 200 404 404 404 404 404 404 404 404 404
events:contest_entry_land                  302 404 404 404 302 404 404 404 404 404 404 302
events:contest_entry_action                302 404 302 404 404 404 404 404 404 404 404 404
events:contest_attachment                  302 404 404 404 404 404 404 404 404 404 404 404
events:contest_judging                     302 404 404 404 404 404 404 404 404 404 404 404
events:contest_sheet                       302 404 404 404 404 404 404 404 404 404 404 404
events:contest_conflict                    302 404 404 404 404 404 404 404 404 404 404 404
events:contest_entries                     302 404 404 404 200 404 404 404 404 404 404 200
events:contest_edit                        302 404 404 404 200 404 404 404 404 404 404 200
events:contest_judges                      302 404 404 404 200 404 404 404 404 404 404 200
events:contest_assignment                  302 404 404 404 200 404 404 404 404 404 404 200
events:contest_assignment_decide           302 404 404 404 404 404 404 404 404 404 404 404
events:contest_ranking                     302 404 404 404 200 404 404 404 404 404 404 200
events:contest_round_action                302 404 404 404 302 404 404 404 404 404 404 302
events:contest_final                       302 404 404 404 404 404 404 404 404 404 404 404
events:contest_awards                      302 404 404 404 200 404 404 404 404 404 404 200
events:contest_export                      302 404 404 404 200 404 404 404 404 404 404 200
events:contest_screen                      200 200 200 200 200 200 200 200 200 200 200 200
events:contest_screen_state                200 200 200 200 200 200 200 200 200 200 200 200
events:contest_screen_stream               200 200 200 200 200 200 200 200 200 200 200 200
events:meetings:home                       302 404 200 404 404 404 404 404 404 404 404 404
events:meetings:profile                    302 404 200 404 404 404 404 404 404 404 404 404
events:meetings:availability               302 404 302 404 404 404 404 404 404 404 404 404
events:meetings:people                     302 404 200 404 404 404 404 404 404 404 404 404
events:meetings:person                     302 404 200 404 404 404 404 404 404 404 404 404
events:meetings:answer                     302 404 302 404 404 404 404 404 404 404 404 404
events:meetings:agenda                     302 404 200 404 404 404 404 404 404 404 404 404
events:meetings:agenda_ics                 302 404 200 404 404 404 404 404 404 404 404 404
events:meetings:follow_up                  302 404 200 404 404 404 404 404 404 404 404 404
events:meetings:follow_up_outcome          302 404 302 404 302 404 404 404 302 404 404 302
events:meetings:setup                      302 404 404 404 200 404 404 404 200 404 404 200
events:meetings:remove                     302 404 404 404 302 404 404 404 302 404 404 302
events:meetings:requests                   302 404 404 404 200 404 404 404 200 404 404 200
events:meetings:schedule                   302 404 404 404 200 404 404 404 200 404 404 200
events:meetings:meeting_move               302 404 404 404 302 404 404 404 302 404 404 302
events:meetings:meeting_lock               302 404 404 404 302 404 404 404 302 404 404 302
events:meetings:tables                     302 404 404 404 200 404 404 404 200 404 404 200
events:meetings:table                      302 404 404 404 200 404 404 404 200 404 404 200
events:meetings:no_show                    302 404 404 404 302 404 404 404 302 404 404 302
events:meetings:schedule_run               302 404 404 404 302 404 404 404 302 404 404 302
events:meetings:schedule_late              302 404 404 404 302 404 404 404 302 404 404 302
mentors:hometown:programmes                302 200 200 200 200 200 200 200 200 200 200 200
mentors:hometown:roster                    302 404 404 404 200 404 404 404 404 404 404 200
mentors:hometown:roster_add                302 404 404 404 200 404 404 404 404 404 404 200
mentors:hometown:roster_natives            302 404 404 404 302 404 404 404 404 404 404 302
mentors:hometown:register                  302 404 404 404 200 404 404 404 404 404 404 200
mentors:hometown:register_print            302 404 404 404 200 404 404 404 404 404 404 200
mentors:hometown:entry                     302 404 404 404 200 404 404 404 404 404 404 200
mentors:hometown:entry_edit                302 404 404 404 302 404 404 404 404 404 404 302
mentors:hometown:contact_add               302 404 404 404 400 404 404 404 404 404 404 400
mentors:hometown:appoint                   302 404 404 404 400 404 404 404 404 404 404 400
mentors:hometown:renew                     302 404 404 404 302 404 404 404 404 404 404 302
mentors:hometown:end                       302 404 404 404 302 404 404 404 404 404 404 302
projects:firm_experts                      302 404 404 200 200 404 404 404 404 404 404 200
projects:firm_matchmaking                  302 404 404 404 200 404 404 404 404 404 404 200
projects:firm_match_accept                 302 404 404 404 302 404 404 404 404 404 404 302
projects:firm_match_decline                302 404 404 404 302 404 404 404 404 404 404 302
projects:firm_matchmaking_plan             302 404 404 404 302 404 404 404 404 404 404 302
projects:recompute_retry                   302 403 403 403 404 403 403 404 403 403 403 404
events:export_retry                        302 404 404 404 404 404 404 404 404 404 404 404
events:checkin_counters_stream             302 404 404 404 200 404 404 404 200 200 404 200
events:export_job_stream                   302 404 404 404 404 404 404 404 404 404 404 404
projects:recompute_stream                  302 403 403 403 404 403 403 404 403 403 403 404
logout                                     302 302 302 302 302 302 302 302 302 302 302 302
"""
TABLE = {row.split()[0]: row.split(None, 1)[1] for row in TABLE_TEXT.strip().splitlines()[1:]}


def url_names() -> list[str]:
    """Every named URL of the portal but the Django admin site's, in declaration order."""

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                inner = pattern.namespace
                name = f"{namespace}:{inner}" if namespace and inner else inner or namespace
                yield from walk(pattern.url_patterns, name)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return list(dict.fromkeys(walk(get_resolver().url_patterns, "")))


def _default_args(name: str) -> dict:
    try:
        reverse(name)
    except NoReverseMatch:
        return EVENT_ARG
    return {}


def _url(name: str, refs: dict) -> str:
    kwargs = {
        key: value[1:] if value.startswith("=") else refs[value]
        for key, value in ARGS.get(name, _default_args(name)).items()
    }
    return reverse(name, kwargs=kwargs)


def observed(role: str, users: dict, refs: dict) -> dict[str, int]:
    client = Client()
    if users[role] is not None:
        client.force_login(users[role])
    codes, post_only = {}, []
    for name in TABLE:
        if name == "logout":
            continue
        code = client.get(_url(name, refs)).status_code
        if code == 405:
            post_only.append(name)
        codes[name] = code
    for name in [*post_only, "logout"]:
        codes[name] = client.post(_url(name, refs), {}).status_code
    return codes


def test_the_table_names_every_url():
    assert sorted(TABLE) == sorted(url_names())


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(role, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    users, refs = build()
    column = ROLES.index(role)
    expected = {name: int(codes.split()[column]) for name, codes in TABLE.items()}
    assert observed(role, users, refs) == expected
