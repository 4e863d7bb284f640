/* Benchmark data: a ward, or a whole province, of invented households made
 * through the project's own core API (the same saves the app makes), the
 * same for the same seed everywhere.
 *
 *   gen --db FILE --households N [--seed S] [--cache-mb M] [--quiet]
 *
 * Names carry their real diacritics at roughly the frequencies of the
 * population (Nguyễn about 38 %, Trần 11 %, Lê 9.5 % ...); TDPs hold about
 * 250 households each; every 5 000 households form one ward with its own
 * agencies. About 5 % of households are poor (three or more deprivations,
 * income at most the line), 8 % near-poor; the poor have lead agencies,
 * helpers and support items; reports are filed against the deadlines.
 *
 * Everything runs in one transaction (each save joins it). The time taken,
 * in total and by kind of save, is printed at the end so that the cost of
 * the per-household API can be read off. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "giamngheo/agency.h"
#include "giamngheo/classify.h"
#include "giamngheo/date.h"
#include "giamngheo/db.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/demo.h"
#include "giamngheo/household.h"
#include "giamngheo/report.h"
#include "giamngheo/standard.h"
#include "giamngheo/support.h"
#include "giamngheo/ward.h"

#define YEAR 2026
#define HOUSEHOLDS_PER_TDP 250
#define HOUSEHOLDS_PER_WARD 5000
#define MAX_MEMBERS 5
#define MAX_STAFF 3
/* The day the benchmark looks at the data from (GIAMNGHEO_TODAY). */
static const gn_date TODAY = { YEAR, 11, 27 };

/* ---- chance: splitmix64, our own so that every libc gives the same data ---- */

static uint64_t rng_state;

static uint64_t next64(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* 0..n-1 */
static unsigned rnd(unsigned n)
{
	return n ? (unsigned)(next64() % n) : 0;
}

static int between(int lo, int hi)
{
	return hi > lo ? lo + (int)rnd((unsigned)(hi - lo + 1)) : lo;
}

/* true with probability per/1000 */
static int chance(unsigned per_mille)
{
	return rnd(1000) < per_mille;
}

typedef struct {
	const char *s;
	int w;
} weighted;

#define N_OF(a) ((int)(sizeof a / sizeof a[0]))

static const char *pick_w(const weighted *t, int n)
{
	int total = 0;
	for (int i = 0; i < n; i++)
		total += t[i].w;
	int r = (int)rnd((unsigned)total);
	for (int i = 0; i < n; i++) {
		if (r < t[i].w)
			return t[i].s;
		r -= t[i].w;
	}
	return t[0].s;
}

#define PICK(t) pick_w(t, N_OF(t))

/* ---- names ---- */

/* Per mille among the Kinh (94 % of households here), so that over the
 * whole population Nguyễn is about 38 %, Trần 11 %, Lê 9.5 %, Phạm 7 %,
 * Hoàng/Huỳnh 5 % (with the Tày and Nùng Hoàngs), Phan 4.5 %, Vũ/Võ 4 %. */
static const weighted kinh_surnames[] = {
	{ "Nguyễn", 405 }, { "Trần", 118 }, { "Lê", 100 }, { "Phạm", 74 }, { "Hoàng", 30 },
	{ "Huỳnh", 16 }, { "Phan", 47 }, { "Vũ", 27 }, { "Võ", 14 }, { "Đặng", 22 },
	{ "Bùi", 21 }, { "Đỗ", 15 }, { "Hồ", 14 }, { "Ngô", 14 }, { "Dương", 11 },
	{ "Lý", 5 }, { "Đinh", 8 }, { "Hà", 6 }, { "Lương", 5 }, { "Trịnh", 6 },
	{ "Đào", 6 }, { "Mai", 4 }, { "Cao", 4 }, { "Lâm", 3 }, { "Đoàn", 5 },
	{ "Tô", 3 }, { "Phùng", 3 }, { "Triệu", 2 }, { "Kiều", 2 }, { "Chu", 1 },
};
static const weighted tay_surnames[] = {
	{ "Hoàng", 30 }, { "Nông", 25 }, { "Ma", 15 }, { "Lương", 10 }, { "Hà", 10 }, { "Đàm", 10 },
};
static const weighted nung_surnames[] = {
	{ "Nông", 30 }, { "Hoàng", 30 }, { "Lăng", 15 }, { "Vi", 15 }, { "Lục", 10 },
};
static const weighted san_diu_surnames[] = {
	{ "Lam", 25 }, { "Trương", 25 }, { "Diệp", 20 }, { "Tạ", 15 }, { "Dương", 15 },
};

typedef struct {
	const char *name;
	int w;
	const weighted *surnames;
	int n_surnames;
} ethnicity;

static const ethnicity ethnicities[] = {
	{ "Kinh", 940, kinh_surnames, N_OF(kinh_surnames) },
	{ "Tày", 30, tay_surnames, N_OF(tay_surnames) },
	{ "Nùng", 20, nung_surnames, N_OF(nung_surnames) },
	{ "Sán Dìu", 10, san_diu_surnames, N_OF(san_diu_surnames) },
};

static const weighted male_middle[] = {
	{ "Văn", 400 }, { "Đức", 90 }, { "Minh", 80 }, { "Hữu", 70 }, { "Quang", 60 },
	{ "Xuân", 40 }, { "Công", 50 }, { "Mạnh", 30 }, { "Tiến", 30 }, { "Thành", 40 },
	{ "Ngọc", 30 }, { "Anh", 20 }, { "Trọng", 30 }, { "Đình", 30 },
};
static const weighted female_middle[] = {
	{ "Thị", 550 }, { "Thu", 70 }, { "Ngọc", 60 }, { "Thanh", 60 }, { "Hồng", 50 },
	{ "Minh", 40 }, { "Kim", 30 }, { "Phương", 30 }, { "Thùy", 30 }, { "Mai", 20 },
	{ "Bích", 20 }, { "Lan", 20 }, { "Diệu", 20 },
};
static const weighted male_given[] = {
	{ "Hùng", 60 }, { "Dũng", 60 }, { "Minh", 55 }, { "Tuấn", 55 }, { "Hải", 45 },
	{ "Nam", 45 }, { "Long", 40 }, { "Sơn", 40 }, { "Thắng", 35 }, { "Cường", 35 },
	{ "Hiếu", 30 }, { "Trung", 35 }, { "Đức", 35 }, { "Quang", 30 }, { "Bình", 30 },
	{ "Phong", 25 }, { "Tùng", 30 }, { "Khánh", 25 }, { "Việt", 25 }, { "Thành", 35 },
	{ "Tiến", 25 }, { "Quân", 30 }, { "Huy", 35 }, { "Hoàng", 25 }, { "Anh", 40 },
	{ "Duy", 25 }, { "Kiên", 20 }, { "Toàn", 20 }, { "Tâm", 20 }, { "Phúc", 20 },
	{ "Hưng", 25 }, { "Lâm", 15 }, { "Đạt", 30 }, { "Vinh", 20 },
};
/* Both spellings of Thủy/Thuỷ are in use; search must find either. */
static const weighted female_given[] = {
	{ "Hương", 60 }, { "Lan", 50 }, { "Dung", 40 }, { "Hoa", 40 }, { "Mai", 40 },
	{ "Hà", 40 }, { "Linh", 45 }, { "Trang", 45 }, { "Thảo", 40 }, { "Ngọc", 35 },
	{ "Huyền", 35 }, { "Hằng", 35 }, { "Nga", 30 }, { "Thủy", 30 }, { "Thuỷ", 5 },
	{ "Yến", 25 }, { "Hạnh", 25 }, { "Loan", 20 }, { "Nhung", 25 }, { "Oanh", 15 },
	{ "Liên", 20 }, { "Phượng", 20 }, { "Hường", 15 }, { "Hồng", 30 }, { "Anh", 35 },
	{ "Vân", 25 }, { "Thu", 25 }, { "Giang", 25 }, { "Nhàn", 10 }, { "Quỳnh", 20 },
	{ "Hiền", 25 }, { "Huế", 10 }, { "Chi", 20 }, { "Nhi", 20 }, { "My", 15 },
	{ "Tuyết", 15 },
};

static const char *const places[] = {
	"Phố Mới", "Tân Lập", "Hòa Bình", "Đồng Tâm", "Bình Minh", "Thống Nhất", "Quyết Tiến",
	"Hợp Thành", "An Phú", "Xuân Hòa", "Bá Vân", "Cải Đan", "Mỏ Chè", "Thắng Lợi", "Nam Tiến",
	"Tân Quang", "Lương Sơn", "Bách Quang", "Phố Cò", "Châu Sơn", "Tân Thành", "Vinh Sơn",
	"Khuynh Thạch", "Làng Chằm", "Trung Tâm", "Hồng Vân", "Đông Xuân", "Nguyễn Trãi",
	"Lê Hồng Phong", "Quang Trung", "Đầm Xanh", "Cầu Gáo", "Ao Dài", "Tiền Phong",
};

static const char *const phone_prefixes[] = {
	"091", "094", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039",
	"070", "077", "081", "083", "085", "088",
};

static const char *const jobs[] = {
	"Công nhân khu công nghiệp", "Nhân viên bán hàng", "Buôn bán nhỏ", "Trồng rau, chăn nuôi",
	"Thợ may tại nhà", "Xe ôm công nghệ", "Nội trợ", "Giáo viên", "Thợ xây", "Lái xe",
	"Công chức", "Kỹ thuật viên",
};
static const char *const precarious_jobs[] = {
	"Thất nghiệp", "Làm thuê không có hợp đồng lao động", "Phụ hồ theo ngày", "Làm thuê theo mùa vụ",
};
static const char *const adult_schooling[] = {
	"Tốt nghiệp THPT", "Tốt nghiệp THCS", "Trung cấp", "Cao đẳng", "Đại học", "Tiểu học",
};

/* A helper of each ward (one set per 5 000 households). */
typedef struct {
	const char *code;
	const char *name;
	gn_agency_kind kind;
	const char *positions[MAX_STAFF];
	int lead_weight;     /* how often it leads a poor household */
} agency_spec;

static const agency_spec ward_agencies[] = {
	{ "VH-XH", "Phòng Văn hoá - Xã hội", GN_AGENCY_DEPARTMENT,
	  { "Trưởng phòng", "Công chức lao động - thương binh và xã hội", NULL }, 20 },
	{ "KT", "Phòng Kinh tế", GN_AGENCY_DEPARTMENT, { "Trưởng phòng", "Chuyên viên", NULL }, 5 },
	{ "TYT", "Trạm Y tế", GN_AGENCY_OTHER, { "Trạm trưởng", "Y sĩ", NULL }, 0 },
	{ "MTTQ", "Ủy ban MTTQ Việt Nam", GN_AGENCY_FRONT, { "Chủ tịch", "Phó Chủ tịch", "Cán bộ" }, 20 },
	{ "HPN", "Hội Liên hiệp Phụ nữ", GN_AGENCY_ORGANISATION,
	  { "Chủ tịch Hội", "Phó Chủ tịch Hội", NULL }, 20 },
	{ "HND", "Hội Nông dân", GN_AGENCY_ORGANISATION, { "Chủ tịch Hội", "Phó Chủ tịch Hội", NULL }, 15 },
	{ "HCCB", "Hội Cựu chiến binh", GN_AGENCY_ORGANISATION, { "Chủ tịch Hội", NULL, NULL }, 10 },
	{ "DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", GN_AGENCY_ORGANISATION,
	  { "Bí thư Đoàn", "Phó Bí thư Đoàn", NULL }, 10 },
	{ "CD", "Công đoàn", GN_AGENCY_ORGANISATION, { "Chủ tịch Công đoàn", NULL, NULL }, 0 },
	{ "TH", "Trường Tiểu học", GN_AGENCY_SCHOOL, { "Hiệu trưởng", "Giáo viên chủ nhiệm", NULL }, 0 },
	{ "THCS", "Trường THCS", GN_AGENCY_SCHOOL, { "Hiệu trưởng", "Giáo viên chủ nhiệm", NULL }, 0 },
	{ "VNPT", "Viễn thông VNPT", GN_AGENCY_BUSINESS, { "Giám đốc", "Nhân viên kinh doanh", NULL }, 0 },
	{ "NHCSXH", "Phòng giao dịch Ngân hàng Chính sách xã hội", GN_AGENCY_OTHER,
	  { "Phó Giám đốc", "Cán bộ tín dụng", NULL }, 0 },
};
#define N_WARD_AGENCIES N_OF(ward_agencies)

/* Who gives help for a deprivation: kind of help, index of the giver in
 * ward_agencies (-1: the household's lead), fund. */
typedef struct {
	const char *indicator;
	const char *kind;
	int giver;
	const char *fund;
	const char *description;
	gn_money cash;
	int person_days;
	gn_money loan;
} help_spec;

static const help_spec helps[] = {
	{ "1.1", "jobs", -1, "budget", "Giới thiệu việc làm tại khu công nghiệp", 0, 0, 0 },
	{ "1.1", "training", 0, "budget", "Đào tạo nghề ngắn hạn", 0, 0, 0 },
	{ "1.1", "loan", 12, "budget", "Vay vốn giải quyết việc làm", 0, 0, 50000000 },
	{ "1.2", "family", -1, "fund", "Hỗ trợ chăm sóc người không có khả năng lao động", 1000000, 0, 0 },
	{ "2.1", "health", 2, "budget", "Khám dinh dưỡng, bổ sung vi chất cho trẻ", 300000, 0, 0 },
	{ "2.2", "health", 0, "budget", "Mua thẻ bảo hiểm y tế", 1263600, 0, 0 },
	{ "3.1", "training", 7, "budget", "Học bổ túc và học nghề", 0, 0, 0 },
	{ "3.2", "education", 10, "fund", "Sách vở, học phí cho học sinh", 1500000, 0, 0 },
	{ "4.1", "housing", 3, "fund", "Sửa chữa nhà ở", 30000000, 20, 0 },
	{ "4.2", "housing", 3, "fund", "Cơi nới nhà ở", 20000000, 15, 0 },
	{ "5.1", "services", -1, "community", "Lắp đặt đường nước sạch", 3000000, 2, 0 },
	{ "5.2", "services", -1, "community", "Xây nhà tiêu hợp vệ sinh", 5000000, 4, 0 },
	{ "6.1", "services", 11, "agency", "Tặng điện thoại thông minh, gói cước", 0, 0, 0 },
	{ "6.2", "services", 11, "agency", "Tặng ti vi", 3500000, 0, 0 },
};

/* How common each deprivation is among the poor (2022–2025 codes). */
static const weighted deprivation_weights[] = {
	{ "1.1", 5 }, { "1.2", 3 }, { "2.1", 1 }, { "2.2", 4 }, { "3.1", 2 }, { "3.2", 1 },
	{ "4.1", 4 }, { "4.2", 3 }, { "5.1", 1 }, { "5.2", 2 }, { "6.1", 2 }, { "6.2", 2 },
};

/* ---- the generator's state ---- */

typedef struct {
	long long id;
	int n_staff;
	long long staff_id[MAX_STAFF];
	char signer[128];
} helper;

typedef enum { CAT_POOR, CAT_NEAR_POOR, CAT_EXITED, CAT_MIDDLE, CAT_NOT_POOR } category;

/* Time spent in each kind of save, to tell where the per-household cost is. */
enum { T_HOUSEHOLD, T_MEMBER, T_INDICATOR, T_ASSIGN, T_SUPPORT, T_SETUP, T_REPORTS, T_COMMIT, T_COUNT };
static const char *const timer_names[T_COUNT] = {
	"gn_household_insert", "gn_member_insert", "gn_household_set_indicator", "gn_assign",
	"gn_support_insert", "ward, TDPs, agencies, staff", "gn_deadline_sync + gn_report_submit",
	"gn_db_commit",
};

typedef struct {
	gn_db *db;
	long long n;
	int n_tdp, n_wards;
	gn_standard std, next;
	long long *tdp_ids;
	helper *tdp_helpers;     /* one per TDP */
	helper *ward_helpers;    /* n_wards * N_WARD_AGENCIES */
	long long persons;
	long long counts[T_COUNT];
	double secs[T_COUNT];
	long long by_cat[5], members, targeted, supports, assigns, indicators, reports;
	long long surname_counts[N_OF(kinh_surnames) + 1];
	long long huong;
	int quiet;
} gen;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* st = call, timed under `which`. */
#define TIMED(g, which, st, call)                  \
	do {                                       \
		double t0_ = now_s();              \
		(st) = (call);                     \
		(g)->secs[which] += now_s() - t0_; \
		(g)->counts[which]++;              \
	} while (0)

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

static void new_phone(char out[16])
{
	snprintf(out, 16, "%s%07u", phone_prefixes[rnd(N_OF(phone_prefixes))], rnd(10000000));
}

static const ethnicity *pick_ethnicity(void)
{
	int total = 0;
	for (int i = 0; i < N_OF(ethnicities); i++)
		total += ethnicities[i].w;
	int r = (int)rnd((unsigned)total);
	for (int i = 0; i < N_OF(ethnicities); i++) {
		if (r < ethnicities[i].w)
			return &ethnicities[i];
		r -= ethnicities[i].w;
	}
	return &ethnicities[0];
}

static void person_name(gen *g, char sex, const char *surname, char *out, size_t size)
{
	const char *given = sex == 'M' ? PICK(male_given) : PICK(female_given);
	const char *middle;
	do
		middle = sex == 'M' ? PICK(male_middle) : PICK(female_middle);
	while (strcmp(middle, given) == 0);
	snprintf(out, size, "%s %s %s", surname, middle, given);
	if (g && strcmp(given, "Hương") == 0)
		g->huong++;
}

static const char *surname_of(const ethnicity *e)
{
	return pick_w(e->surnames, e->n_surnames);
}

/* ---- ward, TDPs, agencies ---- */

static gn_status add_agency(gen *g, helper *hp, const char *code, const char *name, gn_agency_kind kind,
			    const char *const *positions, long long tdp_id)
{
	gn_staff staff[MAX_STAFF];
	int n = 0;
	memset(staff, 0, sizeof staff);
	for (; n < MAX_STAFF && positions[n]; n++) {
		char sex = rnd(2) ? 'M' : 'F';
		person_name(NULL, sex, surname_of(pick_ethnicity()), staff[n].full_name, sizeof staff[n].full_name);
		copy(staff[n].position, sizeof staff[n].position, positions[n]);
		new_phone(staff[n].phone);
	}
	gn_agency a;
	gn_status st = gn_agency_load_code(g->db, code, &a);
	if (st == GN_ERR_NOT_FOUND) {
		memset(&a, 0, sizeof a);
		copy(a.code, sizeof a.code, code);
		copy(a.name, sizeof a.name, name);
		a.kind = kind;
		copy(a.contact_person, sizeof a.contact_person, n ? staff[0].full_name : "");
		copy(a.phone, sizeof a.phone, n ? staff[0].phone : "");
		a.tdp_id = tdp_id;
		st = gn_agency_insert(g->db, &a);
	}
	if (st != GN_OK)
		return st;
	memset(hp, 0, sizeof *hp);
	hp->id = a.id;
	copy(hp->signer, sizeof hp->signer, n ? staff[0].full_name : g->db->actor);
	for (int k = 0; k < n && st == GN_OK; k++) {
		staff[k].agency_id = a.id;
		st = gn_staff_insert(g->db, &staff[k]);
		hp->staff_id[k] = staff[k].id;
	}
	hp->n_staff = n;
	return st;
}

/* The model has no TDP API, so the rows go in with one bound statement, as
 * the demo builder does; each TDP also helps as an agency of kind tdp. */
static gn_status create_tdps(gen *g)
{
	static const char *const tdp_positions[MAX_STAFF] = {
		"Tổ trưởng tổ dân phố", "Trưởng Ban công tác Mặt trận", NULL,
	};
	sqlite3_stmt *ins = gn_db_prepare(g->db, "INSERT INTO tdp(code, name, updated_by) VALUES (?, ?, ?)");
	if (!ins)
		return GN_ERR_DB;
	gn_status st = GN_OK;
	for (int i = 0; i < g->n_tdp && st == GN_OK; i++) {
		char code[16], name[96], agency_name[128];
		int np = N_OF(places);
		snprintf(code, sizeof code, g->n_tdp > 999 ? "TDP%04d" : "TDP%03d", i + 1);
		if (i < np)
			copy(name, sizeof name, places[i]);
		else
			snprintf(name, sizeof name, "%s %d", places[i % np], i / np + 1);
		snprintf(agency_name, sizeof agency_name, "Tổ dân phố %s", name);
		sqlite3_reset(ins);
		gn_db_bind_text(ins, 1, code);
		gn_db_bind_text(ins, 2, name);
		gn_db_bind_text(ins, 3, g->db->actor);
		int rc = sqlite3_step(ins);
		if (rc != SQLITE_DONE) {
			st = gn_db_status(rc);
			break;
		}
		g->tdp_ids[i] = sqlite3_last_insert_rowid(g->db->sql);
		st = add_agency(g, &g->tdp_helpers[i], code, agency_name, GN_AGENCY_TDP, tdp_positions,
				g->tdp_ids[i]);
	}
	sqlite3_finalize(ins);
	return st;
}

static gn_status create_agencies(gen *g)
{
	gn_status st = GN_OK;
	for (int w = 0; w < g->n_wards && st == GN_OK; w++) {
		for (int i = 0; i < N_WARD_AGENCIES && st == GN_OK; i++) {
			const agency_spec *s = &ward_agencies[i];
			char code[32], name[160];
			if (g->n_wards > 1) {
				snprintf(code, sizeof code, "%s-%03d", s->code, w + 1);
				snprintf(name, sizeof name, "%s phường số %d", s->name, w + 1);
			} else {
				copy(code, sizeof code, s->code);
				snprintf(name, sizeof name, "%s phường", s->name);
			}
			st = add_agency(g, &g->ward_helpers[w * N_WARD_AGENCIES + i], code, name, s->kind,
					s->positions, 0);
		}
	}
	return st;
}

/* ---- one household ---- */

typedef struct {
	char name[96];
	char sex;
	int year;
	const char *relation;
} person;

static category pick_category(void)
{
	unsigned r = rnd(1000);
	return r < 50 ? CAT_POOR : r < 130 ? CAT_NEAR_POOR : r < 136 ? CAT_EXITED : r < 290 ? CAT_MIDDLE
											      : CAT_NOT_POOR;
}

static int plan_members(gen *g, const ethnicity *e, person *m)
{
	static const weighted sizes[] = { { "2", 22 }, { "3", 28 }, { "4", 32 }, { "5", 18 } };
	int n = atoi(PICK(sizes));
	char head_sex = chance(720) ? 'M' : 'F';
	int head_year = between(1945, 2000);
	const char *head_surname = surname_of(e);
	const char *child_surname = head_surname;
	int k = 0;

	m[k] = (person){ .sex = head_sex, .year = head_year, .relation = "Chủ hộ" };
	person_name(g, head_sex, head_surname, m[k].name, sizeof m[k].name);
	k++;
	if (k < n && chance(800)) {
		char sex = head_sex == 'M' ? 'F' : 'M';
		const char *surname = surname_of(e);
		m[k] = (person){ .sex = sex, .year = head_year + (sex == 'F' ? between(0, 5) : -between(0, 5)),
				 .relation = sex == 'F' ? "Vợ" : "Chồng" };
		person_name(g, sex, surname, m[k].name, sizeof m[k].name);
		if (sex == 'M')
			child_surname = surname;
		k++;
	}
	if (k < n && head_year > 1965 && chance(250)) {
		char sex = rnd(2) ? 'M' : 'F';
		int year = head_year - between(20, 32);
		m[k] = (person){ .sex = sex, .year = year < 1925 ? 1925 : year, .relation = sex == 'M' ? "Bố" : "Mẹ" };
		person_name(g, sex, sex == 'M' ? head_surname : surname_of(e), m[k].name, sizeof m[k].name);
		k++;
	}
	bool grandchildren = head_year < 1965;
	while (k < n) {
		char sex = rnd(2) ? 'M' : 'F';
		int first = head_year + (grandchildren ? 42 : 20), last = head_year + (grandchildren ? 60 : 40);
		if (last > 2024)
			last = 2024;
		if (first > last)
			first = last;
		m[k] = (person){ .sex = sex, .year = between(first, last), .relation = grandchildren ? "Cháu" : "Con" };
		person_name(g, sex, child_surname, m[k].name, sizeof m[k].name);
		k++;
	}
	for (int i = 0; i < N_OF(kinh_surnames); i++)
		if (strcmp(kinh_surnames[i].s, head_surname) == 0) {
			g->surname_counts[i]++;
			return n;
		}
	g->surname_counts[N_OF(kinh_surnames)]++;
	return n;
}

static gn_money plan_income(category c, gn_area area, const gn_thresholds *t)
{
	gn_money line = gn_thresholds_line(t, area);
	gn_money top = area == GN_AREA_URBAN ? t->middle_urban_max : t->middle_rural_max;
	gn_money lo, hi;
	switch (c) {
	case CAT_POOR:
		lo = line / 2, hi = line - 50000;
		break;
	case CAT_NEAR_POOR:
		lo = line * 3 / 5, hi = line;
		break;
	case CAT_EXITED:
	case CAT_MIDDLE:
		lo = line + 50000, hi = top - 50000;
		break;
	case CAT_NOT_POOR:
	default:
		lo = top + 50000, hi = top * (chance(200) ? 5 : 2);
		break;
	}
	return lo + (gn_money)rnd((unsigned)((hi - lo) / 50000 + 1)) * 50000;
}

static int deprivations_for(category c)
{
	switch (c) {
	case CAT_POOR:
		return between(3, 6);
	case CAT_NEAR_POOR:
		return between(0, 2);
	case CAT_EXITED:
		return between(0, 2);
	case CAT_MIDDLE:
		return chance(400) ? between(1, 2) : 0;
	case CAT_NOT_POOR:
	default:
		return chance(150) ? 1 : 0;
	}
}

static const helper *lead_for(gen *g, int ward)
{
	int total = 0;
	for (int i = 0; i < N_WARD_AGENCIES; i++)
		total += ward_agencies[i].lead_weight;
	int r = (int)rnd((unsigned)total);
	for (int i = 0; i < N_WARD_AGENCIES; i++) {
		if (r < ward_agencies[i].lead_weight)
			return &g->ward_helpers[ward * N_WARD_AGENCIES + i];
		r -= ward_agencies[i].lead_weight;
	}
	return &g->ward_helpers[ward * N_WARD_AGENCIES];
}

static long long staff_of(const helper *hp)
{
	return hp->n_staff ? hp->staff_id[rnd((unsigned)hp->n_staff)] : 0;
}

static void item_dates(gn_support_status status, gn_date *planned, gn_date *actual)
{
	static const gn_date june = { YEAR, 6, 5 }, july = { YEAR, 7, 1 }, september = { YEAR, 9, 15 };
	switch (status) {
	case GN_SUPPORT_DELIVERED:
		*planned = gn_date_add_days(june, rnd(91));
		*actual = gn_date_add_days(*planned, rnd(8));
		break;
	case GN_SUPPORT_IN_PROGRESS:
		*planned = gn_date_add_days(july, rnd(101));
		break;
	default:
		*planned = gn_date_add_days(september, rnd(46));
		break;
	}
}

static gn_status add_support(gen *g, long long hh, const char *code, const helper *lead, int ward,
			     gn_support_status status)
{
	const help_spec *choices[N_OF(helps)];
	int n = 0;
	for (int i = 0; i < N_OF(helps); i++)
		if (strcmp(helps[i].indicator, code) == 0)
			choices[n++] = &helps[i];
	if (n == 0)
		return GN_OK;
	const help_spec *h = choices[rnd((unsigned)n)];
	int ind = gn_standard_find(&g->std, code);
	gn_support s;
	memset(&s, 0, sizeof s);
	s.household_id = hh;
	copy(s.kind, sizeof s.kind, h->kind);
	s.indicator_id = ind >= 0 ? g->std.indicators[ind].id : 0;
	s.agency_id = h->giver < 0 ? lead->id : g->ward_helpers[ward * N_WARD_AGENCIES + h->giver].id;
	copy(s.fund_source, sizeof s.fund_source, h->fund);
	item_dates(status, &s.planned, &s.actual);
	s.cash = h->cash;
	s.person_days = h->person_days;
	if (h->loan) {
		s.loan_principal = h->loan;
		s.loan_rate_bp = 660;
		s.loan_term_months = 60;
	}
	s.status = status;
	copy(s.description, sizeof s.description, h->description);
	g->supports++;
	gn_status st;
	TIMED(g, T_SUPPORT, st, gn_support_insert(g->db, &s));
	return st;
}

static char *dup_or_null(const char *s, bool *oom)
{
	if (!s)
		return NULL;
	char *c = strdup(s);
	if (!c)
		*oom = true;
	return c;
}

static gn_status insert_member(gen *g, long long hh, const person *p, const ethnicity *e, category c,
			       bool jobless)
{
	char birth[11], cccd[13], card[24];
	int age = YEAR - p->year;
	long long number = ++g->persons;
	bool oom = false;
	gn_member m;

	memset(&m, 0, sizeof m);
	snprintf(birth, sizeof birth, "%04d-%02d-%02d", p->year, between(1, 12), between(1, 28));
	if (age >= 14) {
		/* Province digits grow every million people, the serial is the person's
		 * number spread by a multiplier prime to 10^6: no two people share one. */
		unsigned province = 19u + (unsigned)(number / 1000000);
		unsigned long serial = (unsigned long)((number % 1000000) * 7919 + 104729) % 1000000UL;
		unsigned century_sex = (p->year >= 2000 ? 2u : 0u) + (p->sex == 'F');
		snprintf(cccd, sizeof cccd, "0%02u%u%02u%06lu", province % 100, century_sex,
			 (unsigned)p->year % 100, serial);
	}
	const char *group = age < 6 ? "TE1" : c == CAT_POOR ? "HN2" : c == CAT_NEAR_POOR ? "CN3" : "GD4";
	snprintf(card, sizeof card, "%s19%010lld", group, (number * 104729LL + 1234567LL) % 10000000000LL);
	const char *work = NULL, *schooling;
	char grade[16];
	if (age < 6) {
		schooling = "Mẫu giáo";
	} else if (age < 18) {
		snprintf(grade, sizeof grade, "Lớp %d", age - 5 > 12 ? 12 : age - 5);
		schooling = grade;
		work = "Học sinh";
	} else {
		schooling = adult_schooling[rnd(N_OF(adult_schooling))];
		work = age >= 60 ? "Hết tuổi lao động"
		       : jobless ? precarious_jobs[rnd(N_OF(precarious_jobs))]
				 : jobs[rnd(N_OF(jobs))];
		m.has_contract = !jobless && age < 60 && chance(450);
	}
	m.household_id = hh;
	m.sex = p->sex;
	m.full_name = dup_or_null(p->name, &oom);
	m.birth = dup_or_null(birth, &oom);
	m.ethnicity = dup_or_null(e->name, &oom);
	m.relation = dup_or_null(p->relation, &oom);
	m.cccd = dup_or_null(age >= 14 ? cccd : NULL, &oom);
	m.health_card = dup_or_null(c == CAT_POOR && age >= 6 && chance(300) ? NULL : card, &oom);
	m.schooling = dup_or_null(schooling, &oom);
	m.work_status = dup_or_null(work, &oom);
	gn_status st = GN_ERR_NOMEM;
	if (!oom)
		TIMED(g, T_MEMBER, st, gn_member_insert(g->db, &m));
	gn_member_clear(&m);
	g->members++;
	return st;
}

/* Same code and same name in the next standard: the same indicator. */
static int same_indicator(const gn_standard *s, const gn_indicator *ind)
{
	int i = gn_standard_find(s, ind->code);
	if (i < 0 || !s->indicators[i].name_vi || !ind->name_vi)
		return -1;
	return strcmp(s->indicators[i].name_vi, ind->name_vi) == 0 ? i : -1;
}

static gn_status build_household(gen *g, long long seq)
{
	int tdp = (int)(seq * g->n_tdp / g->n);
	int ward = (int)(seq * g->n_wards / g->n);
	gn_area area = g->n_wards > 1 && tdp % 3 == 2 ? GN_AREA_RURAL : GN_AREA_URBAN;
	category c = pick_category();
	const ethnicity *e = pick_ethnicity();
	person m[MAX_MEMBERS];
	int n = plan_members(g, e, m);
	bool targeted = c == CAT_EXITED || (c == CAT_POOR && chance(400));

	/* Deprivations under 2022–2025, drawn by how common each is. */
	gn_ind_status st_ind[GN_MAX_INDICATORS];
	int order[GN_MAX_INDICATORS], n_dep = 0;
	for (int i = 0; i < g->std.n_indicators; i++)
		st_ind[i] = GN_IND_NOT_DEPRIVED;
	int want = deprivations_for(c);
	for (int tries = 0; n_dep < want && tries < 100; tries++) {
		int i = gn_standard_find(&g->std, PICK(deprivation_weights));
		if (i >= 0 && st_ind[i] == GN_IND_NOT_DEPRIVED) {
			st_ind[i] = GN_IND_DEPRIVED;
			order[n_dep++] = i;
		}
	}

	char code[48], address[192], phone[16];
	/* Short, as the list shows eight characters: HH-0001 in a ward, 07-0001
	 * (ward, then household within it) in a province. */
	long long first_of_ward = ((long long)ward * g->n + g->n_wards - 1) / g->n_wards;
	if (g->n_wards == 1)
		snprintf(code, sizeof code, "HH-%04lld", seq + 1);
	else
		snprintf(code, sizeof code, "%02d-%04d", ward + 1, (int)(seq - first_of_ward + 1));
	snprintf(address, sizeof address, "Số %d, ngõ %d, tổ dân phố %s", between(1, 199), between(1, 60),
		 places[tdp % N_OF(places)]);
	new_phone(phone);
	gn_household h;
	bool oom = false;
	memset(&h, 0, sizeof h);
	h.code = dup_or_null(code, &oom);
	h.head_name = dup_or_null(m[0].name, &oom);
	h.address = dup_or_null(address, &oom);
	h.phone = dup_or_null(chance(900) ? phone : NULL, &oom);
	h.causes = dup_or_null(c == CAT_POOR || c == CAT_NEAR_POOR ? (chance(500) ? "capital,skills" : "labour,capital")
								 : NULL, &oom);
	h.tdp_id = g->tdp_ids[tdp];
	h.area = area;
	h.income = plan_income(c, area, &g->std.thresholds);
	h.ethnic_minority = strcmp(e->name, "Kinh") != 0;
	h.no_work_capacity = c == CAT_POOR && chance(400);
	h.social_protection = h.no_work_capacity;
	h.merit = chance(20);
	h.targeted = targeted;
	if (c == CAT_EXITED)
		h.exit_date = gn_date_add_days((gn_date){ YEAR, 6, 1 }, rnd(150));
	gn_status st = GN_ERR_NOMEM;
	if (!oom)
		TIMED(g, T_HOUSEHOLD, st, gn_household_insert(g->db, &h));
	long long hh = h.id;
	gn_household_clear(&h);
	g->by_cat[c]++;
	g->targeted += targeted;

	bool jobless = st_ind[gn_standard_find(&g->std, "1.1")] != GN_IND_NOT_DEPRIVED;
	for (int i = 0; i < n && st == GN_OK; i++) {
		st = insert_member(g, hh, &m[i], e, c, jobless && i == 0);
	}

	/* Help for the poor, the exited and some near-poor: a lead, the TDP, and
	 * items on the first deprivations. */
	bool helped = c == CAT_POOR || c == CAT_EXITED || (c == CAT_NEAR_POOR && chance(300));
	const helper *lead = lead_for(g, ward);
	if (helped && st == GN_OK) {
		TIMED(g, T_ASSIGN, st, gn_assign(g->db, hh, lead->id, GN_ROLE_LEAD, staff_of(lead)));
		const helper *tdp_helper = &g->tdp_helpers[tdp];
		if (st == GN_OK)
			TIMED(g, T_ASSIGN, st, gn_assign(g->db, hh, tdp_helper->id, GN_ROLE_SUPPORT,
							 staff_of(tdp_helper)));
		g->assigns += 2;
		int items = targeted ? between(2, 4) : c == CAT_POOR ? (chance(600) ? between(1, 2) : 0)
								      : (chance(300) ? 1 : 0);
		int counted = n_dep;
		for (int j = 0; j < n_dep && j < items && st == GN_OK; j++) {
			int ind = order[j];
			unsigned r = rnd(10);
			gn_support_status s = c == CAT_EXITED || r < 4 ? GN_SUPPORT_DELIVERED
					      : r < 7 ? GN_SUPPORT_IN_PROGRESS : GN_SUPPORT_PLANNED;
			st = add_support(g, hh, g->std.indicators[ind].code, lead, ward, s);
			/* Delivered help resolves a deprivation only while the household
			 * keeps its class's minimum; the rest is being addressed. */
			if (s == GN_SUPPORT_DELIVERED && (c != CAT_POOR || counted > 3)) {
				st_ind[ind] = GN_IND_RESOLVED;
				counted--;
			} else {
				st_ind[ind] = GN_IND_ADDRESSING;
			}
		}
	}

	for (int i = 0; i < g->std.n_indicators && st == GN_OK; i++)
		if (st_ind[i] != GN_IND_NOT_DEPRIVED) {
			TIMED(g, T_INDICATOR, st, gn_household_set_indicator(g->db, hh, g->std.indicators[i].id,
									     st_ind[i]));
			g->indicators++;
		}
	/* The poor and near-poor are also scored under 2027–2030. */
	for (int j = 0; (c == CAT_POOR || c == CAT_NEAR_POOR) && j < g->next.n_indicators && st == GN_OK; j++) {
		int i = same_indicator(&g->std, &g->next.indicators[j]);
		gn_ind_status s = i >= 0 ? st_ind[i] : chance(300) ? GN_IND_DEPRIVED : GN_IND_NOT_DEPRIVED;
		if (s != GN_IND_NOT_DEPRIVED) {
			TIMED(g, T_INDICATOR, st, gn_household_set_indicator(g->db, hh, g->next.indicators[j].id, s));
			g->indicators++;
		}
	}
	return st;
}

/* ---- reports ---- */

static const char *signer_of(const gen *g, long long agency_id)
{
	for (int i = 0; i < g->n_wards * N_WARD_AGENCIES; i++)
		if (g->ward_helpers[i].id == agency_id)
			return g->ward_helpers[i].signer;
	for (int i = 0; i < g->n_tdp; i++)
		if (g->tdp_helpers[i].id == agency_id)
			return g->tdp_helpers[i].signer;
	return g->db->actor;
}

/* Of what fell due before TODAY, most is filed (some late), the rest is
 * overdue. */
static gn_status file_reports(gen *g)
{
	static const char *const summaries[] = {
		"Đã thăm hộ, hỗ trợ theo kế hoạch.", "Hộ đã nhận hỗ trợ, đang theo dõi.",
		"Chưa giải ngân đủ, tiếp tục vận động nguồn lực.", "Hoàn thành chỉ tiêu tháng.",
	};
	gn_status st = gn_deadline_sync(g->db);
	if (st != GN_OK)
		return st;
	gn_deadline_filter f;
	memset(&f, 0, sizeof f);
	f.to = gn_date_add_days(TODAY, -1);
	gn_deadline_row *rows = NULL;
	int n = 0;
	if ((st = gn_deadline_query(g->db, &f, TODAY, &rows, &n)) != GN_OK)
		return st;
	for (int i = 0; i < n && st == GN_OK; i++) {
		if (!chance(800))
			continue;
		long shift = chance(150) ? between(1, 10) : -between(0, 5);
		gn_date on = gn_date_add_days(rows[i].due, shift);
		if (gn_date_cmp(on, TODAY) >= 0)
			on = gn_date_add_days(TODAY, -1);
		char summary[256];
		snprintf(summary, sizeof summary, "Kết quả %s: %s", rows[i].rule_code,
			 summaries[rnd(N_OF(summaries))]);
		long long id;
		st = gn_report_submit(g->db, rows[i].id, on, signer_of(g, rows[i].agency_id), summary, &id);
		g->reports++;
	}
	free(rows);
	return st;
}

/* ---- the whole ---- */

static gn_status setup_ward(gen *g)
{
	gn_status st = gn_init_ward(g->db);
	gn_ward w;
	if (st == GN_OK)
		st = gn_ward_load(g->db, &w);
	if (st == GN_OK)
		st = gn_standard_load(g->db, w.current_standard_id, &g->std);
	if (st == GN_OK)
		st = gn_standard_load_code(g->db, "2027-2030", &g->next);
	if (st == GN_OK)
		st = create_tdps(g);
	if (st == GN_OK)
		st = create_agencies(g);
	return st;
}

/* The ward's figures follow what was generated. */
static gn_status finish_ward(gen *g)
{
	gn_ward w;
	gn_status st = gn_ward_load(g->db, &w);
	if (st != GN_OK)
		return st;
	w.total_households = g->n;
	w.baseline_poor = (int)(g->by_cat[CAT_POOR] + g->by_cat[CAT_EXITED]);
	w.baseline_no_work_capacity = (int)(g->by_cat[CAT_POOR] * 2 / 5);
	w.plan_exit_households = (int)g->targeted;
	if (g->n_wards > 1) {
		snprintf(w.name, sizeof w.name, "Tỉnh Thái Nguyên (%d phường, xã)", g->n_wards);
		copy(w.province, sizeof w.province, "Thái Nguyên");
	}
	return gn_ward_save(g->db, &w);
}

static void usage(FILE *f)
{
	fprintf(f, "Usage: gen --db FILE --households N [--seed S] [--cache-mb M] [--quiet]\n"
		   "Creates FILE (which must not exist) with N invented households.\n");
}

int main(int argc, char **argv)
{
	const char *path = NULL;
	long long n = 0;
	unsigned long long seed = 1;
	long cache_mb = 256;
	int quiet = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			path = argv[++i];
		else if (strcmp(argv[i], "--households") == 0 && i + 1 < argc)
			n = atoll(argv[++i]);
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--cache-mb") == 0 && i + 1 < argc)
			cache_mb = atol(argv[++i]);
		else if (strcmp(argv[i], "--quiet") == 0)
			quiet = 1;
		else if (strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (!path || n < 1 || n > 10000000) {
		usage(stderr);
		return 2;
	}
	if (access(path, F_OK) == 0) {
		fprintf(stderr, "gen: %s already exists\n", path);
		return 1;
	}

	gen *g = calloc(1, sizeof *g);
	if (!g)
		return 1;
	g->n = n;
	g->quiet = quiet;
	g->n_tdp = (int)((n + HOUSEHOLDS_PER_TDP / 2) / HOUSEHOLDS_PER_TDP);
	if (g->n_tdp < 1)
		g->n_tdp = 1;
	g->n_wards = (int)((n + HOUSEHOLDS_PER_WARD - 1) / HOUSEHOLDS_PER_WARD);
	if (n <= HOUSEHOLDS_PER_WARD + HOUSEHOLDS_PER_WARD / 2)
		g->n_wards = 1;
	g->tdp_ids = calloc((size_t)g->n_tdp, sizeof *g->tdp_ids);
	g->tdp_helpers = calloc((size_t)g->n_tdp, sizeof *g->tdp_helpers);
	g->ward_helpers = calloc((size_t)g->n_wards * N_WARD_AGENCIES, sizeof *g->ward_helpers);
	rng_state = seed;
	if (!g->tdp_ids || !g->tdp_helpers || !g->ward_helpers)
		return 1;

	double start = now_s();
	gn_status st = gn_db_open(path, true, &g->db);
	if (st != GN_OK) {
		fprintf(stderr, "gen: cannot create %s: %s\n", path, gn_status_message(st));
		return 1;
	}
	gn_db_set_actor(g->db, "bench");
	/* A bulk load: a larger page cache keeps the one big transaction from
	 * spilling pages; the saves themselves are the project's. */
	if (cache_mb > 0) {
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%ld", cache_mb * 1024);
		sqlite3_exec(g->db->sql, pragma, NULL, NULL, NULL);
	}

	double t0 = now_s();
	st = gn_db_begin(g->db);
	if (st == GN_OK)
		st = setup_ward(g);
	g->secs[T_SETUP] = now_s() - t0;
	double last = now_s();
	for (long long i = 0; i < n && st == GN_OK; i++) {
		st = build_household(g, i);
		if (!quiet && (i + 1) % (n >= 100 ? n / 10 : 1) == 0 && now_s() - last > 0.5) {
			double el = now_s() - start;
			fprintf(stderr, "gen: %lld/%lld households, %.1f s, %.0f households/s\n", i + 1, n, el,
				(double)(i + 1) / el);
			last = now_s();
		}
	}
	t0 = now_s();
	if (st == GN_OK)
		st = file_reports(g);
	if (st == GN_OK)
		st = finish_ward(g);
	g->secs[T_REPORTS] = now_s() - t0;
	t0 = now_s();
	if (st == GN_OK)
		st = gn_db_commit(g->db);
	else
		gn_db_rollback(g->db);
	g->secs[T_COMMIT] = now_s() - t0;
	gn_db_close(g->db);
	double total = now_s() - start;
	if (st != GN_OK) {
		fprintf(stderr, "gen: failed: %s\n", gn_status_message(st));
		unlink(path);
		return 1;
	}

	printf("gen: %lld households (seed %llu) in %.1f s: %.0f households/s, %.3f ms each\n", n, seed,
	       total, (double)n / total, 1000.0 * total / (double)n);
	printf("gen: %d TDPs, %d ward(s) of agencies, %lld members, %lld indicator rows, %lld assignments,"
	       " %lld support items, %lld reports\n", g->n_tdp, g->n_wards, g->members, g->indicators,
	       g->assigns, g->supports, g->reports);
	printf("gen: classes drawn: poor %.1f%%, near-poor %.1f%%, exited %.1f%%, middle %.1f%%, not poor %.1f%%;"
	       " targeted %lld\n", 100.0 * g->by_cat[CAT_POOR] / n, 100.0 * g->by_cat[CAT_NEAR_POOR] / n,
	       100.0 * g->by_cat[CAT_EXITED] / n, 100.0 * g->by_cat[CAT_MIDDLE] / n,
	       100.0 * g->by_cat[CAT_NOT_POOR] / n, g->targeted);
	printf("gen: heads' surnames (Kinh table):");
	for (int i = 0; i < 8; i++)
		printf(" %s %.1f%%", kinh_surnames[i].s, 100.0 * g->surname_counts[i] / n);
	printf("; people named Hương %.1f%%\n", 100.0 * g->huong / (double)(g->members ? g->members : 1));
	for (int t = 0; t < T_COUNT; t++) {
		if (g->counts[t])
			printf("gen:   %-36s %9lld calls %8.1f s  %7.1f us/call\n", timer_names[t], g->counts[t],
			       g->secs[t], 1e6 * g->secs[t] / (double)g->counts[t]);
		else
			printf("gen:   %-36s %9s       %8.1f s\n", timer_names[t], "", g->secs[t]);
	}
	gn_standard_clear(&g->std);
	gn_standard_clear(&g->next);
	free(g->tdp_ids);
	free(g->tdp_helpers);
	free(g->ward_helpers);
	free(g);
	return 0;
}
