/* Schema migrations, ordered by PRAGMA user_version. Each step runs in one
 * transaction, so a file is always at one whole version or the one before. */
#include "giamngheo/migrate.h"

#include <stdbool.h>
#include <stddef.h>

#include "giamngheo/search.h"

/* Columns every editable row carries for optimistic locking and attribution. */
#define EDITABLE \
	"version INTEGER NOT NULL DEFAULT 1," \
	"updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))," \
	"updated_by TEXT NOT NULL DEFAULT ''"

/* Audit rows are written by triggers so that no write path, including a
 * repair made with the sqlite3 shell, escapes the log. The actor is the row's
 * updated_by, which every save sets. */
#define AUDIT_TRIGGERS(tbl, json_new, json_old) \
	"CREATE TRIGGER " tbl "_audit_insert AFTER INSERT ON " tbl " BEGIN " \
	"INSERT INTO audit(at, actor, entity, entity_id, action, before_json, after_json) " \
	"VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), NEW.updated_by, '" tbl "', NEW.id, 'insert', NULL, " json_new "); END;" \
	"CREATE TRIGGER " tbl "_audit_update AFTER UPDATE ON " tbl " BEGIN " \
	"INSERT INTO audit(at, actor, entity, entity_id, action, before_json, after_json) " \
	"VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), NEW.updated_by, '" tbl "', NEW.id, 'update', " json_old ", " json_new "); END;" \
	"CREATE TRIGGER " tbl "_audit_delete AFTER DELETE ON " tbl " BEGIN " \
	"INSERT INTO audit(at, actor, entity, entity_id, action, before_json, after_json) " \
	"VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), OLD.updated_by, '" tbl "', OLD.id, 'delete', " json_old ", NULL); END;"

#define J(X) "json_object(" X ")"

#define WARD_COLS(R) \
	"'name'," R ".name,'province'," R ".province,'area'," R ".area,'plan_ref'," R ".plan_ref," \
	"'year'," R ".year,'total_households'," R ".total_households,'baseline_poor'," R ".baseline_poor," \
	"'baseline_no_work_capacity'," R ".baseline_no_work_capacity," \
	"'province_rate_from_bp'," R ".province_rate_from_bp,'province_rate_to_bp'," R ".province_rate_to_bp," \
	"'plan_exit_households'," R ".plan_exit_households,'plan_rate_cut_bp'," R ".plan_rate_cut_bp," \
	"'period_start'," R ".period_start,'period_end'," R ".period_end,'focal_agency_id'," R ".focal_agency_id," \
	"'focal_contact'," R ".focal_contact,'focal_phone'," R ".focal_phone," \
	"'current_standard_id'," R ".current_standard_id,'version'," R ".version"
#define STANDARD_COLS(R) \
	"'code'," R ".code,'name'," R ".name,'legal_basis'," R ".legal_basis,'valid_from'," R ".valid_from," \
	"'valid_to'," R ".valid_to,'line_rural'," R ".line_rural,'line_urban'," R ".line_urban," \
	"'middle_rural_max'," R ".middle_rural_max,'middle_urban_max'," R ".middle_urban_max," \
	"'min_deprivations'," R ".min_deprivations,'version'," R ".version"
#define INDICATOR_COLS(R) \
	"'standard_id'," R ".standard_id,'dimension_id'," R ".dimension_id,'code'," R ".code," \
	"'name_vi'," R ".name_vi,'name_en'," R ".name_en,'version'," R ".version"
#define TDP_COLS(R) "'code'," R ".code,'name'," R ".name,'version'," R ".version"
#define AGENCY_COLS(R) \
	"'code'," R ".code,'name'," R ".name,'kind'," R ".kind,'contact_person'," R ".contact_person," \
	"'phone'," R ".phone,'tdp_id'," R ".tdp_id,'deleted'," R ".deleted,'version'," R ".version"
#define STAFF_COLS(R) \
	"'agency_id'," R ".agency_id,'full_name'," R ".full_name,'position'," R ".position," \
	"'phone'," R ".phone,'deleted'," R ".deleted,'version'," R ".version"
#define HOUSEHOLD_COLS(R) \
	"'code'," R ".code,'head_name'," R ".head_name,'address'," R ".address,'tdp_id'," R ".tdp_id," \
	"'area'," R ".area,'phone'," R ".phone,'income_per_person'," R ".income_per_person," \
	"'class'," R ".class,'class_standard_id'," R ".class_standard_id,'causes'," R ".causes," \
	"'no_work_capacity'," R ".no_work_capacity,'ethnic_minority'," R ".ethnic_minority," \
	"'merit'," R ".merit,'social_protection'," R ".social_protection,'targeted'," R ".targeted," \
	"'exit_date'," R ".exit_date,'notes'," R ".notes,'deleted'," R ".deleted,'version'," R ".version"
#define MEMBER_COLS(R) \
	"'household_id'," R ".household_id,'full_name'," R ".full_name,'sex'," R ".sex," \
	"'birth_date'," R ".birth_date,'ethnicity'," R ".ethnicity,'relation'," R ".relation," \
	"'cccd'," R ".cccd,'health_card'," R ".health_card,'schooling'," R ".schooling," \
	"'work_status'," R ".work_status,'has_contract'," R ".has_contract,'disability'," R ".disability," \
	"'allowance'," R ".allowance,'deleted'," R ".deleted,'version'," R ".version"
#define HI_COLS(R) \
	"'household_id'," R ".household_id,'indicator_id'," R ".indicator_id,'status'," R ".status," \
	"'note'," R ".note,'version'," R ".version"
#define ASSIGNMENT_COLS(R) \
	"'household_id'," R ".household_id,'agency_id'," R ".agency_id,'role'," R ".role," \
	"'staff_id'," R ".staff_id,'version'," R ".version"
#define SUPPORT_COLS(R) \
	"'household_id'," R ".household_id,'kind'," R ".kind,'indicator_id'," R ".indicator_id," \
	"'agency_id'," R ".agency_id,'fund_source'," R ".fund_source,'planned_date'," R ".planned_date," \
	"'actual_date'," R ".actual_date,'cash'," R ".cash,'in_kind_qty'," R ".in_kind_qty," \
	"'in_kind_unit'," R ".in_kind_unit,'in_kind_value'," R ".in_kind_value,'person_days'," R ".person_days," \
	"'loan_principal'," R ".loan_principal,'loan_rate_bp'," R ".loan_rate_bp," \
	"'loan_term_months'," R ".loan_term_months,'status'," R ".status,'description'," R ".description," \
	"'notes'," R ".notes,'deleted'," R ".deleted,'version'," R ".version"
#define RULE_COLS(R) \
	"'code'," R ".code,'title_vi'," R ".title_vi,'title_en'," R ".title_en,'audience'," R ".audience," \
	"'kind'," R ".kind,'month'," R ".month,'day'," R ".day,'first_month'," R ".first_month," \
	"'last_month'," R ".last_month,'due_soon_days'," R ".due_soon_days,'active'," R ".active,'version'," R ".version"
#define REPORT_COLS(R) \
	"'deadline_id'," R ".deadline_id,'agency_id'," R ".agency_id,'submitted_on'," R ".submitted_on," \
	"'submitted_by'," R ".submitted_by,'summary'," R ".summary,'withdrawn'," R ".withdrawn,'version'," R ".version"

static const char schema_v1[] =
	"CREATE TABLE audit ("
	" id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,"
	" entity_id INTEGER NOT NULL, action TEXT NOT NULL CHECK (action IN ('insert','update','delete')),"
	" before_json TEXT, after_json TEXT);"
	"CREATE INDEX audit_entity ON audit(entity, entity_id);"

	"CREATE TABLE standard ("
	" id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, legal_basis TEXT NOT NULL DEFAULT '',"
	" valid_from TEXT NOT NULL, valid_to TEXT NOT NULL,"
	" line_rural INTEGER NOT NULL CHECK (line_rural > 0), line_urban INTEGER NOT NULL CHECK (line_urban > 0),"
	" middle_rural_max INTEGER NOT NULL, middle_urban_max INTEGER NOT NULL,"
	" min_deprivations INTEGER NOT NULL DEFAULT 3 CHECK (min_deprivations > 0)," EDITABLE ");"
	AUDIT_TRIGGERS("standard", J(STANDARD_COLS("NEW")), J(STANDARD_COLS("OLD")))

	"CREATE TABLE dimension ("
	" id INTEGER PRIMARY KEY, standard_id INTEGER NOT NULL REFERENCES standard(id),"
	" code TEXT NOT NULL, name_vi TEXT NOT NULL, name_en TEXT NOT NULL, position INTEGER NOT NULL,"
	" UNIQUE (standard_id, code));"

	"CREATE TABLE indicator ("
	" id INTEGER PRIMARY KEY, standard_id INTEGER NOT NULL REFERENCES standard(id),"
	" dimension_id INTEGER NOT NULL REFERENCES dimension(id), code TEXT NOT NULL,"
	" name_vi TEXT NOT NULL, name_en TEXT NOT NULL,"
	" deprived_when_vi TEXT NOT NULL DEFAULT '', deprived_when_en TEXT NOT NULL DEFAULT '',"
	" position INTEGER NOT NULL," EDITABLE ", UNIQUE (standard_id, code));"
	AUDIT_TRIGGERS("indicator", J(INDICATOR_COLS("NEW")), J(INDICATOR_COLS("OLD")))

	"CREATE TABLE tdp ("
	" id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL," EDITABLE ");"
	AUDIT_TRIGGERS("tdp", J(TDP_COLS("NEW")), J(TDP_COLS("OLD")))

	"CREATE TABLE agency ("
	" id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind IN ('department','front','organisation','school','business','tdp','other')),"
	" contact_person TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',"
	" tdp_id INTEGER REFERENCES tdp(id), deleted INTEGER NOT NULL DEFAULT 0," EDITABLE ");"
	AUDIT_TRIGGERS("agency", J(AGENCY_COLS("NEW")), J(AGENCY_COLS("OLD")))

	"CREATE TABLE staff ("
	" id INTEGER PRIMARY KEY, agency_id INTEGER NOT NULL REFERENCES agency(id),"
	" full_name TEXT NOT NULL, position TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',"
	" deleted INTEGER NOT NULL DEFAULT 0," EDITABLE ");"
	"CREATE INDEX staff_agency ON staff(agency_id);"
	AUDIT_TRIGGERS("staff", J(STAFF_COLS("NEW")), J(STAFF_COLS("OLD")))

	"CREATE TABLE ward ("
	" id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, province TEXT NOT NULL,"
	" area TEXT NOT NULL CHECK (area IN ('urban','rural')), plan_ref TEXT NOT NULL DEFAULT '',"
	" year INTEGER NOT NULL, total_households INTEGER NOT NULL CHECK (total_households > 0),"
	" baseline_poor INTEGER NOT NULL DEFAULT 0, baseline_no_work_capacity INTEGER NOT NULL DEFAULT 0,"
	/* Rates are in hundredths of a percent (71 = 0.71 %) so no float is stored. */
	" province_rate_from_bp INTEGER NOT NULL DEFAULT 0, province_rate_to_bp INTEGER NOT NULL DEFAULT 0,"
	" plan_exit_households INTEGER NOT NULL DEFAULT 0, plan_rate_cut_bp INTEGER NOT NULL DEFAULT 0,"
	" period_start TEXT, period_end TEXT, focal_agency_id INTEGER REFERENCES agency(id),"
	" focal_contact TEXT NOT NULL DEFAULT '', focal_phone TEXT NOT NULL DEFAULT '',"
	" current_standard_id INTEGER REFERENCES standard(id)," EDITABLE ");"
	AUDIT_TRIGGERS("ward", J(WARD_COLS("NEW")), J(WARD_COLS("OLD")))

	"CREATE TABLE household ("
	" id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, head_name TEXT NOT NULL,"
	" address TEXT NOT NULL DEFAULT '', tdp_id INTEGER REFERENCES tdp(id),"
	" area TEXT NOT NULL DEFAULT 'urban' CHECK (area IN ('urban','rural')), phone TEXT NOT NULL DEFAULT '',"
	" income_per_person INTEGER NOT NULL DEFAULT 0 CHECK (income_per_person >= 0),"
	" class TEXT NOT NULL DEFAULT 'poor' CHECK (class IN ('poor','near_poor','middle','not_poor')),"
	" class_standard_id INTEGER REFERENCES standard(id), causes TEXT NOT NULL DEFAULT '',"
	" no_work_capacity INTEGER NOT NULL DEFAULT 0, ethnic_minority INTEGER NOT NULL DEFAULT 0,"
	" merit INTEGER NOT NULL DEFAULT 0, social_protection INTEGER NOT NULL DEFAULT 0,"
	" targeted INTEGER NOT NULL DEFAULT 0, exit_date TEXT, notes TEXT NOT NULL DEFAULT '',"
	" deleted INTEGER NOT NULL DEFAULT 0," EDITABLE ");"
	"CREATE INDEX household_tdp ON household(tdp_id);"
	"CREATE INDEX household_class ON household(class, deleted);"
	AUDIT_TRIGGERS("household", J(HOUSEHOLD_COLS("NEW")), J(HOUSEHOLD_COLS("OLD")))

	"CREATE TABLE member ("
	" id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id),"
	" full_name TEXT NOT NULL, sex TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', 'M', 'F')),"
	" birth_date TEXT NOT NULL DEFAULT '', ethnicity TEXT NOT NULL DEFAULT 'Kinh',"
	" relation TEXT NOT NULL DEFAULT '', cccd TEXT, health_card TEXT NOT NULL DEFAULT '',"
	" schooling TEXT NOT NULL DEFAULT '', work_status TEXT NOT NULL DEFAULT '',"
	" has_contract INTEGER NOT NULL DEFAULT 0, disability TEXT NOT NULL DEFAULT '',"
	" allowance INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0," EDITABLE ");"
	"CREATE INDEX member_household ON member(household_id);"
	"CREATE UNIQUE INDEX member_cccd ON member(cccd) WHERE cccd IS NOT NULL AND deleted = 0;"
	AUDIT_TRIGGERS("member", J(MEMBER_COLS("NEW")), J(MEMBER_COLS("OLD")))

	"CREATE TABLE household_indicator ("
	" id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id),"
	" indicator_id INTEGER NOT NULL REFERENCES indicator(id),"
	" status TEXT NOT NULL CHECK (status IN ('not_deprived','deprived','addressing','resolved')),"
	" note TEXT NOT NULL DEFAULT ''," EDITABLE ", UNIQUE (household_id, indicator_id));"
	AUDIT_TRIGGERS("household_indicator", J(HI_COLS("NEW")), J(HI_COLS("OLD")))

	"CREATE TABLE assignment ("
	" id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id),"
	" agency_id INTEGER NOT NULL REFERENCES agency(id),"
	" role TEXT NOT NULL CHECK (role IN ('lead','support')), staff_id INTEGER REFERENCES staff(id),"
	EDITABLE ", UNIQUE (household_id, agency_id));"
	"CREATE UNIQUE INDEX assignment_one_lead ON assignment(household_id) WHERE role = 'lead';"
	"CREATE INDEX assignment_agency ON assignment(agency_id, role);"
	AUDIT_TRIGGERS("assignment", J(ASSIGNMENT_COLS("NEW")), J(ASSIGNMENT_COLS("OLD")))

	"CREATE TABLE support_item ("
	" id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL REFERENCES household(id),"
	" kind TEXT NOT NULL, indicator_id INTEGER REFERENCES indicator(id),"
	" agency_id INTEGER REFERENCES agency(id), fund_source TEXT NOT NULL DEFAULT '',"
	" planned_date TEXT, actual_date TEXT,"
	" cash INTEGER NOT NULL DEFAULT 0 CHECK (cash >= 0),"
	" in_kind_qty INTEGER NOT NULL DEFAULT 0, in_kind_unit TEXT NOT NULL DEFAULT '',"
	" in_kind_value INTEGER NOT NULL DEFAULT 0 CHECK (in_kind_value >= 0),"
	" person_days INTEGER NOT NULL DEFAULT 0 CHECK (person_days >= 0),"
	" loan_principal INTEGER NOT NULL DEFAULT 0, loan_rate_bp INTEGER NOT NULL DEFAULT 0,"
	" loan_term_months INTEGER NOT NULL DEFAULT 0,"
	" status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','in_progress','delivered','cancelled')),"
	" description TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',"
	" deleted INTEGER NOT NULL DEFAULT 0," EDITABLE ");"
	"CREATE INDEX support_household ON support_item(household_id);"
	"CREATE INDEX support_agency ON support_item(agency_id);"
	AUDIT_TRIGGERS("support_item", J(SUPPORT_COLS("NEW")), J(SUPPORT_COLS("OLD")))

	"CREATE TABLE deadline_rule ("
	" id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, title_vi TEXT NOT NULL, title_en TEXT NOT NULL,"
	" audience TEXT NOT NULL CHECK (audience IN ('assigned','lead','focal')),"
	" kind TEXT NOT NULL CHECK (kind IN ('fixed','monthly')),"
	" month INTEGER NOT NULL DEFAULT 0, day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),"
	" first_month INTEGER NOT NULL DEFAULT 1, last_month INTEGER NOT NULL DEFAULT 12,"
	" due_soon_days INTEGER NOT NULL DEFAULT 5, active INTEGER NOT NULL DEFAULT 1," EDITABLE ");"
	AUDIT_TRIGGERS("deadline_rule", J(RULE_COLS("NEW")), J(RULE_COLS("OLD")))

	/* Instances are derived from rules and assignments; they are stored so
	 * that a submission has something stable to point at. */
	"CREATE TABLE deadline ("
	" id INTEGER PRIMARY KEY, rule_id INTEGER NOT NULL REFERENCES deadline_rule(id),"
	" agency_id INTEGER NOT NULL REFERENCES agency(id), due_date TEXT NOT NULL,"
	" UNIQUE (rule_id, agency_id, due_date));"
	"CREATE INDEX deadline_due ON deadline(due_date);"

	"CREATE TABLE report ("
	" id INTEGER PRIMARY KEY, deadline_id INTEGER NOT NULL REFERENCES deadline(id),"
	" agency_id INTEGER NOT NULL REFERENCES agency(id), submitted_on TEXT NOT NULL,"
	" submitted_by TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '', content TEXT NOT NULL DEFAULT '',"
	" withdrawn INTEGER NOT NULL DEFAULT 0," EDITABLE ");"
	"CREATE UNIQUE INDEX report_one_per_deadline ON report(deadline_id) WHERE withdrawn = 0;"
	AUDIT_TRIGGERS("report", J(REPORT_COLS("NEW")), J(REPORT_COLS("OLD")))

	/* Folded text (names, codes, ID numbers, phones) of each household, kept
	 * by the model layer; trigram lets a substring query use the index. */
	"CREATE VIRTUAL TABLE household_search USING fts5(body, tokenize = 'trigram');";

/* The two standards ship as data: a later one is added without code. */
static const char standards_v2[] =
	"INSERT INTO standard(id, code, name, legal_basis, valid_from, valid_to, line_rural, line_urban,"
	" middle_rural_max, middle_urban_max, min_deprivations, updated_by) VALUES"
	" (1, '2022-2025', 'Chuẩn nghèo đa chiều giai đoạn 2022–2025', 'Nghị định 07/2021/NĐ-CP; kéo dài đến 31/12/2026 theo Nghị định 351/2025/NĐ-CP',"
	"  '2022-01-01', '2026-12-31', 1500000, 2000000, 2250000, 3000000, 3, 'system'),"
	" (2, '2027-2030', 'Chuẩn nghèo đa chiều giai đoạn 2027–2030', 'Nghị định 351/2025/NĐ-CP',"
	"  '2027-01-01', '2030-12-31', 2200000, 2800000, 3300000, 4200000, 3, 'system');"
	"INSERT INTO dimension(id, standard_id, code, name_vi, name_en, position) VALUES"
	" (1, 1, '1', 'Việc làm', 'Employment', 1), (2, 1, '2', 'Y tế', 'Health', 2),"
	" (3, 1, '3', 'Giáo dục', 'Education', 3), (4, 1, '4', 'Nhà ở', 'Housing', 4),"
	" (5, 1, '5', 'Nước sinh hoạt và vệ sinh', 'Water and sanitation', 5), (6, 1, '6', 'Thông tin', 'Information', 6),"
	" (7, 2, '1', 'Việc làm', 'Employment', 1), (8, 2, '2', 'Y tế', 'Health', 2),"
	" (9, 2, '3', 'Giáo dục', 'Education', 3), (10, 2, '4', 'Nhà ở', 'Housing', 4),"
	" (11, 2, '5', 'Nước sinh hoạt và vệ sinh', 'Water and sanitation', 5),"
	" (12, 2, '6', 'Thông tin và dịch vụ số', 'Information and digital services', 6);"
	"INSERT INTO indicator(standard_id, dimension_id, code, name_vi, name_en, deprived_when_vi, deprived_when_en, position, updated_by) VALUES"
	" (1, 1, '1.1', 'Việc làm', 'Employment', 'Có người trong độ tuổi lao động thất nghiệp hoặc làm công ăn lương không có hợp đồng lao động', 'A working-age member is unemployed, or a wage worker has no labour contract', 1, 'system'),"
	" (1, 1, '1.2', 'Người phụ thuộc trong hộ gia đình', 'Dependants', 'Số người phụ thuộc chiếm trên một nửa số thành viên', 'Dependants are more than half of the members', 2, 'system'),"
	" (1, 2, '2.1', 'Dinh dưỡng', 'Nutrition', 'Có trẻ dưới 16 tuổi suy dinh dưỡng thấp còi hoặc nhẹ cân', 'A child under 16 is stunted or underweight', 3, 'system'),"
	" (1, 2, '2.2', 'Bảo hiểm y tế', 'Health insurance', 'Có thành viên từ 6 tuổi trở lên không có thẻ bảo hiểm y tế', 'A member aged 6 or over has no health-insurance card', 4, 'system'),"
	" (1, 3, '3.1', 'Trình độ giáo dục của người lớn', 'Adult education', 'Có thành viên 16–30 tuổi không tham gia đào tạo và chưa đạt trình độ theo độ tuổi', 'A member aged 16–30 is not in training and lacks the schooling for their age', 5, 'system'),"
	" (1, 3, '3.2', 'Tình trạng đi học của trẻ em', 'Child school attendance', 'Có trẻ từ 3 đến dưới 16 tuổi không được học đúng bậc', 'A child aged 3 to under 16 is not at the right school level', 6, 'system'),"
	" (1, 4, '4.1', 'Chất lượng nhà ở', 'Housing quality', 'Nhà có 2 trong 3 kết cấu chính (tường, cột, mái) bằng vật liệu không bền chắc', '2 of the 3 main parts (walls, columns, roof) are of non-durable material', 7, 'system'),"
	" (1, 4, '4.2', 'Diện tích nhà ở bình quân đầu người', 'Housing area per person', 'Diện tích nhà ở bình quân dưới 8 m²/người', 'Less than 8 m² per person', 8, 'system'),"
	" (1, 5, '5.1', 'Nguồn nước sinh hoạt', 'Domestic water', 'Không tiếp cận được nguồn nước sinh hoạt an toàn', 'No safe water source', 9, 'system'),"
	" (1, 5, '5.2', 'Nhà tiêu hợp vệ sinh', 'Hygienic latrine', 'Không có nhà tiêu hợp vệ sinh', 'No hygienic latrine', 10, 'system'),"
	" (1, 6, '6.1', 'Sử dụng dịch vụ viễn thông', 'Telecom services', 'Không có thành viên sử dụng dịch vụ điện thoại hoặc internet', 'No member uses telephone or internet services', 11, 'system'),"
	" (1, 6, '6.2', 'Phương tiện phục vụ tiếp cận thông tin', 'Means of information', 'Không có tài sản phục vụ tiếp cận thông tin và không nghe được loa truyền thanh', 'Owns no TV, radio, computer or phone and cannot hear the loudspeaker', 12, 'system'),"
	" (2, 7, '1.1', 'Việc làm', 'Employment', 'Có người trong độ tuổi lao động thất nghiệp hoặc làm công ăn lương không có hợp đồng lao động', 'A working-age member is unemployed, or a wage worker has no labour contract', 1, 'system'),"
	" (2, 7, '1.2', 'Người phụ thuộc trong hộ gia đình', 'Dependants', 'Số người phụ thuộc chiếm trên một nửa số thành viên', 'Dependants are more than half of the members', 2, 'system'),"
	" (2, 8, '2.1', 'Dinh dưỡng', 'Nutrition', 'Có trẻ dưới 16 tuổi suy dinh dưỡng thấp còi hoặc nhẹ cân', 'A child under 16 is stunted or underweight', 3, 'system'),"
	" (2, 8, '2.2', 'Bảo hiểm y tế', 'Health insurance', 'Có thành viên từ 6 tuổi trở lên không có thẻ bảo hiểm y tế', 'A member aged 6 or over has no health-insurance card', 4, 'system'),"
	" (2, 9, '3.1', 'Trình độ giáo dục của người lớn', 'Adult education', 'Có thành viên 16–30 tuổi không tham gia đào tạo và chưa đạt trình độ theo độ tuổi', 'A member aged 16–30 is not in training and lacks the schooling for their age', 5, 'system'),"
	" (2, 9, '3.2', 'Tình trạng đi học của trẻ em', 'Child school attendance', 'Có trẻ từ 3 đến dưới 16 tuổi không được học đúng bậc', 'A child aged 3 to under 16 is not at the right school level', 6, 'system'),"
	" (2, 10, '4.1', 'Chất lượng nhà ở', 'Housing quality', 'Nhà có 2 trong 3 kết cấu chính (tường, cột, mái) bằng vật liệu không bền chắc', '2 of the 3 main parts (walls, columns, roof) are of non-durable material', 7, 'system'),"
	" (2, 10, '4.2', 'Diện tích nhà ở bình quân đầu người', 'Housing area per person', 'Diện tích nhà ở bình quân dưới 8 m²/người', 'Less than 8 m² per person', 8, 'system'),"
	" (2, 11, '5.1', 'Nguồn nước sinh hoạt', 'Domestic water', 'Không tiếp cận được nguồn nước sinh hoạt an toàn', 'No safe water source', 9, 'system'),"
	" (2, 11, '5.2', 'Nhà tiêu hợp vệ sinh', 'Hygienic latrine', 'Không có nhà tiêu hợp vệ sinh', 'No hygienic latrine', 10, 'system'),"
	" (2, 11, '5.3', 'Xử lý rác thải sinh hoạt', 'Household waste treatment', 'Rác thải sinh hoạt của hộ không được thu gom, xử lý', 'Household waste is not collected or treated', 11, 'system'),"
	" (2, 12, '6.1', 'Sử dụng dịch vụ viễn thông', 'Telecom services', 'Không có thành viên sử dụng dịch vụ điện thoại hoặc internet', 'No member uses telephone or internet services', 12, 'system'),"
	" (2, 12, '6.2', 'Sử dụng dịch vụ số', 'Digital services', 'Không có thành viên sử dụng dịch vụ công trực tuyến hoặc dịch vụ số thiết yếu', 'No member uses online public services or essential digital services', 13, 'system');"
	/* The plan's calendar (Kế hoạch 121/KH-UBND, section VI) as editable rules. */
	"INSERT INTO deadline_rule(code, title_vi, title_en, audience, kind, month, day, first_month, last_month, due_soon_days, updated_by) VALUES"
	" ('plan', 'Báo cáo phương án hỗ trợ hộ nghèo', 'Support plan for the household', 'assigned', 'fixed', 6, 10, 1, 12, 7, 'system'),"
	" ('monthly', 'Báo cáo kết quả hỗ trợ hằng tháng', 'Monthly support results', 'lead', 'monthly', 0, 25, 5, 11, 5, 'system'),"
	" ('half_year', 'Báo cáo sơ kết 6 tháng', 'Half-year report', 'focal', 'fixed', 6, 30, 1, 12, 10, 'system'),"
	" ('year_end', 'Báo cáo tổng kết năm', 'Year-end report', 'focal', 'fixed', 11, 30, 1, 12, 14, 'system');";

/* A correction of a report's figures must show in its history: the report
 * triggers of v1 left the content out. */
#define REPORT_COLS_V3(R) \
	"'deadline_id'," R ".deadline_id,'agency_id'," R ".agency_id,'submitted_on'," R ".submitted_on," \
	"'submitted_by'," R ".submitted_by,'summary'," R ".summary,'content'," R ".content," \
	"'withdrawn'," R ".withdrawn,'version'," R ".version"

static const char report_audit_v3[] =
	"DROP TRIGGER report_audit_insert; DROP TRIGGER report_audit_update; DROP TRIGGER report_audit_delete;"
	AUDIT_TRIGGERS("report", J(REPORT_COLS_V3("NEW")), J(REPORT_COLS_V3("OLD")));

/* Each agency's deadlines are read for its report record on every screen
 * that lists agencies. */
static const char deadline_agency_v4[] =
	"CREATE INDEX IF NOT EXISTS deadline_agency ON deadline(agency_id, due_date);";

/* Search by word prefix instead of trigram: the index answers "starts
 * with" directly, for one letter as well as for a whole name. The fill
 * statement is appended at run time (it is shared with reindexing). */
static const char search_words_v5[] =
	"DROP TABLE household_search;"
	"CREATE VIRTUAL TABLE household_search USING fts5(body, tokenize = 'unicode61', prefix = '1 2 3');";

/* Partial indexes for the dashboard's counts of targeted and exited
 * households, which are few in any register. */
static const char dashboard_counts_v6[] =
	"CREATE INDEX IF NOT EXISTS household_targeted ON household(targeted) WHERE targeted = 1;"
	"CREATE INDEX IF NOT EXISTS household_exit ON household(exit_date) WHERE exit_date IS NOT NULL;";

/* Who may do what (see access.c): one row per Unix login. An editor works
 * for one agency; a removed account is kept (deleted = 1) so its history
 * still names it. Exports of personal data leave a row each, so the audit
 * log shows who took the data out as well as who changed it. */
#define ACCOUNT_COLS(R) \
	"'login'," R ".login,'role'," R ".role,'agency_id'," R ".agency_id,'deleted'," R ".deleted,'version'," R ".version"
#define EXPORT_COLS(R) "'what'," R ".what,'destination'," R ".destination"

static const char accounts_v7[] =
	"CREATE TABLE account ("
	" id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE,"
	" role TEXT NOT NULL CHECK (role IN ('admin','editor','viewer')),"
	" agency_id INTEGER REFERENCES agency(id), deleted INTEGER NOT NULL DEFAULT 0," EDITABLE ","
	" CHECK (role <> 'editor' OR agency_id IS NOT NULL));"
	AUDIT_TRIGGERS("account", J(ACCOUNT_COLS("NEW")), J(ACCOUNT_COLS("OLD")))
	"CREATE TABLE export_log ("
	" id INTEGER PRIMARY KEY, what TEXT NOT NULL, destination TEXT NOT NULL DEFAULT ''," EDITABLE ");"
	AUDIT_TRIGGERS("export_log", J(EXPORT_COLS("NEW")), J(EXPORT_COLS("OLD")));

/* A support item's amount as delivered, beside the amount planned: the
 * plan's section V follows both. */
#define SUPPORT_COLS_V8(R) SUPPORT_COLS(R) ",'delivered_cash'," R ".delivered_cash"

/* Like every step, it can run again on a file that has it (a restore of a
 * file marked older): the column is added at run time only when missing. */
static const char support_delivered_column[] =
	"ALTER TABLE support_item ADD COLUMN delivered_cash INTEGER NOT NULL DEFAULT 0"
	" CHECK (delivered_cash >= 0);";
static const char support_delivered_v8[] =
	"DROP TRIGGER IF EXISTS support_item_audit_insert; DROP TRIGGER IF EXISTS support_item_audit_update;"
	" DROP TRIGGER IF EXISTS support_item_audit_delete;"
	AUDIT_TRIGGERS("support_item", J(SUPPORT_COLS_V8("NEW")), J(SUPPORT_COLS_V8("OLD")));

/* Unsaved forms, per login, so that a dropped connection loses nothing
 * typed. fields holds the values typed, opened the values the form opened
 * with: a field left as it opened takes the record's value of the day the
 * draft comes back, so a colleague's save meanwhile is not undone. A draft
 * is scratch, rewritten every few seconds while an officer types: it has no
 * audit triggers (the save it becomes is audited). */
static const char drafts_v9[] =
	"CREATE TABLE IF NOT EXISTS draft ("
	" login TEXT NOT NULL, kind TEXT NOT NULL, record_id INTEGER NOT NULL DEFAULT 0,"
	" title TEXT NOT NULL DEFAULT '', focus INTEGER NOT NULL DEFAULT 0,"
	" fields TEXT NOT NULL CHECK (json_valid(fields)),"
	" opened TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(opened)),"
	" created_at TEXT NOT NULL, saved_at TEXT NOT NULL,"
	" PRIMARY KEY (login, kind, record_id));";

/* Indexes that answer the first screens by themselves, without reading
 * the households' rows (which are wide: a count that touches them reads
 * most of the file): the dashboard's counts by class, targeted and exit
 * date, the targeted households with the most deprivations, the list's
 * count, the agencies' counts of the households they lead and support.
 * Deleted households are few: an index of them alone lets a count set them
 * aside, where an index of every household's flag would mislead SQLite's
 * planner into reading rows through it. */
static const char covering_indexes_v10[] =
	"DROP INDEX IF EXISTS household_class;"
	"CREATE INDEX household_class ON household(class, deleted, no_work_capacity);"
	"DROP INDEX IF EXISTS household_targeted;"
	"CREATE INDEX household_targeted ON household(targeted, class, deleted, exit_date, code) WHERE targeted = 1;"
	"DROP INDEX IF EXISTS household_exit;"
	"CREATE INDEX household_exit ON household(exit_date, deleted) WHERE exit_date IS NOT NULL;"
	"CREATE INDEX IF NOT EXISTS household_deleted ON household(deleted) WHERE deleted <> 0;"
	"CREATE INDEX IF NOT EXISTS household_indicator_status ON household_indicator(household_id, status, indicator_id);"
	"DROP INDEX IF EXISTS assignment_agency;"
	"CREATE INDEX assignment_agency ON assignment(agency_id, role, household_id);";

/* The command line's search lists people, not households: an index of
 * each person's own words (search.c, PERSON_ROWS) answers it from the
 * matching people alone, where the households' index would make it read
 * and check every member of every matching household. The rows are a
 * copy that gn_search_reindex rewrites with the household, like the
 * households' index, and so carry no audit triggers of their own; the
 * full-text index follows its rows through the triggers, as SQLite's
 * documentation lays out for an external-content table. The fill
 * statement is appended at run time. */
static const char people_search_v11[] =
	"DROP TABLE IF EXISTS person_search; DROP TABLE IF EXISTS search_person;"
	"CREATE TABLE search_person ("
	" id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL, kind INTEGER NOT NULL,"
	" code TEXT NOT NULL, name TEXT NOT NULL, detail TEXT NOT NULL, phone TEXT NOT NULL,"
	" words TEXT NOT NULL, id_number TEXT NOT NULL, body TEXT NOT NULL);"
	"CREATE INDEX search_person_household ON search_person(household_id);"
	"CREATE VIRTUAL TABLE person_search USING fts5(body, content = 'search_person',"
	" content_rowid = 'id', tokenize = 'unicode61', prefix = '1 2 3');"
	"CREATE TRIGGER search_person_insert AFTER INSERT ON search_person BEGIN"
	" INSERT INTO person_search(rowid, body) VALUES (NEW.id, NEW.body); END;"
	"CREATE TRIGGER search_person_delete AFTER DELETE ON search_person BEGIN"
	" INSERT INTO person_search(person_search, rowid, body) VALUES ('delete', OLD.id, OLD.body); END;";

static const char *const migrations[] = {
	schema_v1,
	standards_v2,
	report_audit_v3,
	deadline_agency_v4,
	search_words_v5,
	dashboard_counts_v6,
	accounts_v7,
	support_delivered_v8,
	drafts_v9,
	covering_indexes_v10,
	people_search_v11,
};

int gn_migrate_latest(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

static int user_version(sqlite3 *sql)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(sql, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static bool has_column(sqlite3 *sql, const char *table, const char *column)
{
	sqlite3_stmt *st;
	bool found = false;

	if (sqlite3_prepare_v2(sql, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static gn_status step_status(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return GN_ERR_BUSY;
	case SQLITE_READONLY:
		return GN_ERR_READONLY;
	case SQLITE_NOMEM:
		return GN_ERR_NOMEM;
	default:
		return GN_ERR_DB;
	}
}

/* user_version cannot be bound as a parameter, so each value has its own
 * constant pragma text. */
static int set_user_version(sqlite3 *sql, int v)
{
	static const char *const pragmas[] = {
		"PRAGMA user_version = 0", "PRAGMA user_version = 1", "PRAGMA user_version = 2",
		"PRAGMA user_version = 3", "PRAGMA user_version = 4", "PRAGMA user_version = 5",
		"PRAGMA user_version = 6", "PRAGMA user_version = 7", "PRAGMA user_version = 8",
		"PRAGMA user_version = 9", "PRAGMA user_version = 10", "PRAGMA user_version = 11",
		"PRAGMA user_version = 12",
	};
	_Static_assert(sizeof pragmas / sizeof pragmas[0] > sizeof migrations / sizeof migrations[0],
		       "a new migration needs its PRAGMA user_version here");
	if (v < 0 || v >= (int)(sizeof pragmas / sizeof pragmas[0]))
		return SQLITE_ERROR;
	return sqlite3_exec(sql, pragmas[v], NULL, NULL, NULL);
}

gn_status gn_migrate(sqlite3 *sql)
{
	/* The usual case, a file already at our version, takes no write lock, so
	 * opening never waits behind a colleague's save. */
	int have = user_version(sql);
	if (have == gn_migrate_latest())
		return GN_OK;
	if (have > gn_migrate_latest())
		return GN_ERR_SCHEMA_NEWER;
	int rc = sqlite3_exec(sql, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return step_status(rc);
	/* Read again inside the write lock so two officers opening a new file at
	 * once cannot both migrate it. */
	have = user_version(sql);
	if (have < 0) {
		sqlite3_exec(sql, "ROLLBACK", NULL, NULL, NULL);
		return GN_ERR_DB;
	}
	if (have > gn_migrate_latest()) {
		sqlite3_exec(sql, "ROLLBACK", NULL, NULL, NULL);
		return GN_ERR_SCHEMA_NEWER;
	}
	for (int v = have; v < gn_migrate_latest(); v++) {
		if (v > have)
			rc = sqlite3_exec(sql, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc == SQLITE_OK && migrations[v] == support_delivered_v8 &&
		    !has_column(sql, "support_item", "delivered_cash"))
			rc = sqlite3_exec(sql, support_delivered_column, NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(sql, migrations[v], NULL, NULL, NULL);
		if (rc == SQLITE_OK && migrations[v] == search_words_v5)
			rc = sqlite3_exec(sql, gn_search_fill_sql, NULL, NULL, NULL);
		if (rc == SQLITE_OK && migrations[v] == people_search_v11)
			rc = sqlite3_exec(sql, gn_search_people_fill_sql, NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			rc = set_user_version(sql, v + 1);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(sql, "COMMIT", NULL, NULL, NULL);
		if (rc != SQLITE_OK) {
			sqlite3_exec(sql, "ROLLBACK", NULL, NULL, NULL);
			return step_status(rc);
		}
	}
	if (have == gn_migrate_latest())
		sqlite3_exec(sql, "COMMIT", NULL, NULL, NULL);
	return GN_OK;
}
