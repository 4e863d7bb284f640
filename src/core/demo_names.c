#include "demo_names.h"

#define WORDS(a) { a, (int)(sizeof a / sizeof a[0]) }
#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

/* ---- people ---- */

static const char *const male_middle[] = {
	"Văn", "Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Công", "Mạnh", "Tiến",
};
static const char *const female_middle[] = {
	"Thị", "Thị", "Thị", "Thị", "Thị", "Thu", "Hồng", "Thanh", "Ngọc", "Phương", "Kim", "Minh",
};
/* Both spellings of Thủy/Thuỷ are in use; search must find either. */
static const char *const male_given[] = {
	"Dũng", "Đức", "Minh", "Hùng", "Tuấn", "Quyết", "Hải", "Nam", "Thắng", "Long", "Sơn",
	"Bình", "Cường", "Phong", "Toàn", "Hiếu", "Khánh", "Việt", "Thành", "Trung", "Tiến", "Quân",
};
static const char *const female_given[] = {
	"Hương", "Hường", "Dung", "Thủy", "Thuỷ", "Lan", "Ngọc", "Trang", "Mai", "Hoa", "Hạnh",
	"Nga", "Linh", "Thảo", "Yến", "Hằng", "Loan", "Nhung", "Oanh", "Huyền", "Liên", "Phượng",
};
static const char *const required_male[] = { "Dũng", "Dũng" };
static const char *const required_female[] = { "Hương", "Dung", "Hương", "Dung", "Hương", "Hương" };
static const char *const reserved_names[] = { "Vũ Thị Thu Hương", "Trịnh Đạt Dũng" };

const gn_demo_words gn_demo_male_middle = WORDS(male_middle);
const gn_demo_words gn_demo_female_middle = WORDS(female_middle);
const gn_demo_words gn_demo_male_given = WORDS(male_given);
const gn_demo_words gn_demo_female_given = WORDS(female_given);
const gn_demo_words gn_demo_required_male = WORDS(required_male);
const gn_demo_words gn_demo_required_female = WORDS(required_female);
const gn_demo_words gn_demo_reserved_names = WORDS(reserved_names);

static const char *const phone_prefixes[] = {
	"091", "094", "096", "098", "032", "033", "034", "035", "036", "037", "038", "039",
};
const gn_demo_words gn_demo_phone_prefixes = WORDS(phone_prefixes);

/* Nguyễn is repeated: close to a third of Vietnamese carry it. */
static const char *const kinh_surnames[] = {
	"Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng",
	"Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Phan", "Đinh", "Hà", "Lương",
};
static const char *const tay_surnames[] = { "Hoàng", "Nông", "Ma", "Lương", "Hà", "Đàm" };
static const char *const nung_surnames[] = { "Nông", "Hoàng", "Lăng", "Vi", "Lục" };
static const char *const san_diu_surnames[] = { "Lam", "Trương", "Diệp", "Tạ", "Dương" };

const gn_demo_ethnicity gn_demo_ethnicities[] = {
	{ "Kinh", 82, WORDS(kinh_surnames) },
	{ "Tày", 7, WORDS(tay_surnames) },
	{ "Nùng", 6, WORDS(nung_surnames) },
	{ "Sán Dìu", 5, WORDS(san_diu_surnames) },
};
const int gn_demo_n_ethnicities = COUNT(gn_demo_ethnicities);

/* Social allowances follow a base of 500 000 đ a month times a coefficient
 * (1 for the very old, 1.5 to 2 for severe disability). */
const gn_demo_family gn_demo_families[] = {
	{
		.group = GN_DEMO_ABLE, .head_from = 1984, .head_to = 1996, .head_sex = 'M',
		.spouse = true, .children_min = 1, .children_max = 3,
		.causes = "capital,skills",
		.circumstance = "Vợ chồng làm thuê theo mùa vụ, con còn nhỏ, chưa có việc làm ổn định.",
	},
	{
		.group = GN_DEMO_ABLE, .head_from = 1982, .head_to = 1994, .head_sex = 'F',
		.children_min = 1, .children_max = 2,
		.causes = "labour,capital",
		.circumstance = "Chồng mất sớm, một mình nuôi con nhỏ, thu nhập bấp bênh.",
	},
	{
		.group = GN_DEMO_ABLE, .head_from = 1975, .head_to = 1988,
		.spouse = true, .parent = true, .children_min = 0, .children_max = 2,
		.causes = "capital,knowhow",
		.circumstance = "Phụng dưỡng người già, thiếu vốn và kinh nghiệm sản xuất.",
	},
	{
		.group = GN_DEMO_ABLE, .head_from = 1958, .head_to = 1966, .head_sex = 'M',
		.spouse = true, .adult_from = 1985, .adult_to = 1995,
		.children_min = 1, .children_max = 2, .grandchildren = true,
		.causes = "capital,knowhow",
		.circumstance = "Ba thế hệ chung một nhà, thiếu vốn và kỹ thuật chăn nuôi.",
	},
	{
		.group = GN_DEMO_ABLE, .head_from = 1968, .head_to = 1978,
		.spouse = true, .adult_from = 1998, .adult_to = 2005, .children_min = 0, .children_max = 1,
		.causes = "skills,capital",
		.circumstance = "Con lớn chưa có nghề ổn định, thu nhập của gia đình thấp.",
	},
	{
		.group = GN_DEMO_FRAIL_WORKING, .head_from = 1975, .head_to = 1988,
		.spouse = true, .parent = true, .children_min = 0, .children_max = 2,
		.frail = GN_DEMO_PARENT, .frailty = "Tai biến mạch máu não, nằm liệt", .allowance = 750000,
		.causes = "illness,capital",
		.circumstance = "Người già trong hộ bị tai biến nằm liệt, một lao động phải nghỉ làm để chăm sóc.",
	},
	{
		.group = GN_DEMO_FRAIL_WORKING, .head_from = 1972, .head_to = 1985, .head_sex = 'M',
		.spouse = true, .children_min = 1, .children_max = 2,
		.frail = GN_DEMO_HEAD, .frailty = "Bệnh hiểm nghèo (suy thận mạn, chạy thận định kỳ)",
		.causes = "illness",
		.circumstance = "Chủ hộ mắc bệnh hiểm nghèo, mất sức lao động; vợ làm thuê nuôi con.",
	},
	{
		.group = GN_DEMO_FRAIL, .head_from = 1940, .head_to = 1950,
		.frail = GN_DEMO_HEAD, .frailty = "Người cao tuổi, ốm đau thường xuyên", .allowance = 500000,
		.causes = "labour,illness",
		.circumstance = "Người cao tuổi sống một mình, không còn khả năng lao động.",
	},
	{
		.group = GN_DEMO_FRAIL, .head_from = 1942, .head_to = 1955, .head_sex = 'M',
		.spouse = true,
		.frail = GN_DEMO_HEAD, .frailty = "Tai biến mạch máu não, liệt nửa người", .allowance = 750000,
		.causes = "illness,labour",
		.circumstance = "Hai vợ chồng già yếu, không có con ở cùng chăm sóc.",
	},
	{
		.group = GN_DEMO_FRAIL, .head_from = 1950, .head_to = 1962, .head_sex = 'F',
		.adult_from = 1980, .adult_to = 1992,
		.frail = GN_DEMO_ADULT_CHILD, .frailty = "Khuyết tật trí tuệ đặc biệt nặng", .allowance = 1000000,
		.causes = "labour,illness",
		.circumstance = "Mẹ già một mình chăm con khuyết tật đặc biệt nặng.",
	},
	{
		.group = GN_DEMO_FRAIL, .head_from = 1944, .head_to = 1956,
		.children_min = 1, .children_max = 2, .grandchildren = true,
		.frail = GN_DEMO_HEAD, .frailty = "Người cao tuổi, sức khỏe yếu", .allowance = 500000,
		.causes = "labour",
		.circumstance = "Người cao tuổi nuôi cháu nhỏ mồ côi cha mẹ.",
	},
};
const int gn_demo_n_families = COUNT(gn_demo_families);

const gn_demo_job gn_demo_jobs[] = {
	{ "Công nhân khu công nghiệp", true },
	{ "Nhân viên bán hàng", true },
	{ "Buôn bán nhỏ", false },
	{ "Trồng rau, chăn nuôi", false },
	{ "Thợ may tại nhà", false },
	{ "Xe ôm công nghệ", false },
	{ "Nội trợ", false },
};
const int gn_demo_n_jobs = COUNT(gn_demo_jobs);

const gn_demo_job gn_demo_precarious_jobs[] = {
	{ "Thất nghiệp", false },
	{ "Làm thuê không có hợp đồng lao động", false },
	{ "Phụ hồ theo ngày", false },
};
const int gn_demo_n_precarious_jobs = COUNT(gn_demo_precarious_jobs);

static const char *const adult_schooling[] = {
	"Tiểu học", "THCS", "THCS", "THPT", "THPT", "Trung cấp",
};
const gn_demo_words gn_demo_adult_schooling = WORDS(adult_schooling);

/* ---- deprivations ---- */

/* Employment, health insurance and housing are what keeps urban households
 * poor; water and child nutrition are rarely short in a ward. */
const gn_demo_weight gn_demo_weights[] = {
	{ "1.1", 5 }, { "1.2", 3 }, { "2.1", 1 }, { "2.2", 4 }, { "3.1", 2 }, { "3.2", 1 },
	{ "4.1", 4 }, { "4.2", 3 }, { "5.1", 1 }, { "5.2", 2 }, { "6.1", 2 }, { "6.2", 2 },
};
const int gn_demo_n_weights = COUNT(gn_demo_weights);

/* ---- helpers ---- */

const gn_demo_agency gn_demo_focal = {
	"XD-NN&MT", "Phòng Xây dựng, Nông nghiệp và Môi trường", GN_AGENCY_DEPARTMENT, 0,
	{ "Phó Trưởng phòng", "Chuyên viên phụ trách giảm nghèo", NULL },
	"Vũ Thị Thu Hương", "0973828625",
};

const gn_demo_agency gn_demo_agencies[] = {
	{ "VH-XH", "Phòng Văn hoá - Xã hội", GN_AGENCY_DEPARTMENT, 0,
	  { "Trưởng phòng", "Công chức lao động - thương binh và xã hội", NULL }, NULL, NULL },
	{ "VP HĐND-UBND", "Văn phòng HĐND và UBND phường", GN_AGENCY_DEPARTMENT, 0,
	  { "Chánh Văn phòng", "Chuyên viên", NULL }, NULL, NULL },
	{ "KT", "Phòng Kinh tế", GN_AGENCY_DEPARTMENT, 0,
	  { "Trưởng phòng", "Chuyên viên", NULL }, NULL, NULL },
	{ "TTPVHCC", "Trung tâm Phục vụ hành chính công phường", GN_AGENCY_DEPARTMENT, 0,
	  { "Giám đốc", "Viên chức", NULL }, NULL, NULL },
	{ "TYT", "Trạm Y tế phường", GN_AGENCY_OTHER, 0,
	  { "Trạm trưởng", "Y sĩ", NULL }, NULL, NULL },
	{ "MTTQ", "Ủy ban MTTQ Việt Nam phường", GN_AGENCY_FRONT, 0,
	  { "Chủ tịch", "Phó Chủ tịch", "Cán bộ" }, NULL, NULL },
	{ "HPN", "Hội Liên hiệp Phụ nữ phường", GN_AGENCY_ORGANISATION, 'F',
	  { "Chủ tịch Hội", "Phó Chủ tịch Hội", NULL }, NULL, NULL },
	{ "HND", "Hội Nông dân phường", GN_AGENCY_ORGANISATION, 0,
	  { "Chủ tịch Hội", "Phó Chủ tịch Hội", NULL }, NULL, NULL },
	{ "HCCB", "Hội Cựu chiến binh phường", GN_AGENCY_ORGANISATION, 'M',
	  { "Chủ tịch Hội", NULL, NULL }, NULL, NULL },
	{ "DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh phường", GN_AGENCY_ORGANISATION, 0,
	  { "Bí thư Đoàn phường", "Phó Bí thư Đoàn phường", NULL }, NULL, NULL },
	{ "CD", "Công đoàn phường", GN_AGENCY_ORGANISATION, 0,
	  { "Chủ tịch Công đoàn", NULL, NULL }, NULL, NULL },
	{ "MN-HS", "Trường Mầm non Hoa Sen", GN_AGENCY_SCHOOL, 'F',
	  { "Hiệu trưởng", NULL, NULL }, NULL, NULL },
	{ "TH-PM", "Trường Tiểu học Phố Mới", GN_AGENCY_SCHOOL, 0,
	  { "Hiệu trưởng", "Giáo viên chủ nhiệm", NULL }, NULL, NULL },
	{ "THCS-SC", "Trường THCS Sông Công", GN_AGENCY_SCHOOL, 0,
	  { "Hiệu trưởng", "Giáo viên chủ nhiệm", NULL }, NULL, NULL },
	{ "VNPT", "VNPT Phổ Yên - Viễn thông Thái Nguyên", GN_AGENCY_BUSINESS, 0,
	  { "Giám đốc", "Nhân viên kinh doanh", NULL }, NULL, NULL },
	{ "MAY-HT", "Công ty TNHH May mặc Hưng Thịnh", GN_AGENCY_BUSINESS, 0,
	  { "Phó Giám đốc", "Cán bộ nhân sự", NULL }, NULL, NULL },
	{ "NHCSXH", "Phòng giao dịch Ngân hàng Chính sách xã hội", GN_AGENCY_OTHER, 0,
	  { "Phó Giám đốc", "Cán bộ tín dụng", NULL }, NULL, NULL },
};
const int gn_demo_n_agencies = COUNT(gn_demo_agencies);

const char *const gn_demo_tdp_names[GN_DEMO_N_TDPS] = {
	"Phố Mới", "Tân Lập", "Hòa Bình", "Đồng Tâm", "Bình Minh",
	"Thống Nhất", "Quyết Tiến", "Hợp Thành", "An Phú", "Xuân Hòa",
};
const char *const gn_demo_tdp_positions[2] = {
	"Tổ trưởng tổ dân phố", "Trưởng Ban công tác Mặt trận",
};

/* Leads spread over eight helpers, as the plan spreads them over its
 * departments, front, organisations and VNPT; five households still lack
 * health insurance; one keeps a member who cannot work; three have left
 * poverty by raising their income. */
const gn_demo_target gn_demo_targets[GN_DEMO_N_TARGETS] = {
	{ "XD-NN&MT", false, true, 0, { 0, 0, 0 } },
	{ "HPN", false, false, 2150000, { 2026, 9, 25 } },
	{ "MTTQ", false, true, 0, { 0, 0, 0 } },
	{ "HND", false, false, 0, { 0, 0, 0 } },
	{ "VH-XH", false, true, 0, { 0, 0, 0 } },
	{ "HCCB", false, false, 0, { 0, 0, 0 } },
	{ "DTN", true, false, 0, { 0, 0, 0 } },
	{ "VNPT", false, false, 2250000, { 2026, 10, 15 } },
	{ "XD-NN&MT", false, true, 0, { 0, 0, 0 } },
	{ "HPN", false, false, 0, { 0, 0, 0 } },
	{ "MTTQ", false, false, 0, { 0, 0, 0 } },
	{ "HND", false, false, 2150000, { 2026, 9, 30 } },
	{ "VH-XH", false, true, 0, { 0, 0, 0 } },
	{ "HCCB", false, false, 0, { 0, 0, 0 } },
	{ "DTN", false, false, 0, { 0, 0, 0 } },
};

/* Health insurance for two members at the 2026 household rate: 4.5 % of
 * the 2 340 000 đ base salary for 12 months, 70 % of that for the second. */
const gn_demo_support gn_demo_supports[] = {
	{ .indicator = "1.1", .kind = "loan", .fund_source = "budget", .agency = "NHCSXH",
	  .loan_principal = 50000000, .loan_rate_bp = 660, .loan_term_months = 36,
	  .description = "Vay vốn hộ nghèo để phát triển chăn nuôi" },
	{ .indicator = "1.1", .kind = "production", .fund_source = "fund", .agency = "HPN",
	  .in_kind_qty = 20, .in_kind_unit = "con gà giống", .in_kind_value = 1600000,
	  .description = "Hỗ trợ gà giống để chăn nuôi tại nhà" },
	{ .indicator = "1.1", .kind = "production", .fund_source = "donor", .agency = "HND",
	  .in_kind_qty = 2, .in_kind_unit = "con lợn giống", .in_kind_value = 3600000,
	  .description = "Hỗ trợ lợn giống và hướng dẫn làm chuồng" },
	{ .indicator = "1.1", .kind = "jobs", .fund_source = "agency", .agency = "MAY-HT",
	  .description = "Giới thiệu việc làm công nhân may, ký hợp đồng lao động" },
	{ .indicator = "1.1", .kind = "jobs", .fund_source = "budget", .agency = "KT",
	  .description = "Kết nối việc làm tại khu công nghiệp trên địa bàn" },
	{ .indicator = "1.1", .kind = "training", .fund_source = "budget", .agency = "HND",
	  .description = "Tập huấn kỹ thuật chăn nuôi, phòng bệnh cho gia cầm" },
	{ .indicator = "1.1", .kind = "budgeting", .fund_source = "community", .agency = "HPN",
	  .description = "Hướng dẫn lập kế hoạch chi tiêu, tiết kiệm để đầu tư sản xuất" },
	{ .indicator = "1.2", .kind = "family", .fund_source = "community", .agency = "MTTQ",
	  .description = "Vận động người thân cùng chăm sóc thành viên không có khả năng lao động" },
	{ .indicator = "1.2", .kind = "jobs", .fund_source = "agency", .agency = "MAY-HT",
	  .description = "Nhận thêm một lao động của hộ vào làm việc có hợp đồng" },
	{ .indicator = "2.1", .kind = "health", .fund_source = "donor", .agency = "TYT",
	  .in_kind_qty = 24, .in_kind_unit = "hộp sữa", .in_kind_value = 2400000,
	  .description = "Khám dinh dưỡng và hỗ trợ sữa cho trẻ suy dinh dưỡng" },
	{ .indicator = "2.1", .kind = "health", .fund_source = "fund", .agency = "HPN",
	  .cash = 1000000, .description = "Hỗ trợ tiền mua thực phẩm bổ sung cho trẻ" },
	{ .indicator = "2.2", .kind = "health", .fund_source = "fund", .agency = "MTTQ",
	  .cash = 2148120, .description = "Mua thẻ bảo hiểm y tế hộ gia đình cho 2 thành viên" },
	{ .indicator = "2.2", .kind = "services", .fund_source = "budget", .agency = "TTPVHCC",
	  .description = "Hướng dẫn làm hồ sơ cấp thẻ bảo hiểm y tế theo chính sách hộ nghèo" },
	{ .indicator = "3.1", .kind = "training", .fund_source = "budget", .agency = "DTN",
	  .cash = 3000000, .description = "Hỗ trợ học nghề sơ cấp sửa chữa xe máy" },
	{ .indicator = "3.1", .kind = "education", .fund_source = "budget", .agency = "VH-XH",
	  .description = "Vận động tham gia lớp bổ túc văn hóa THCS" },
	{ .indicator = "3.2", .kind = "education", .fund_source = "donor", .agency = "THCS-SC",
	  .cash = 1500000, .description = "Học bổng, sách vở và đồng phục cho học sinh" },
	{ .indicator = "3.2", .kind = "education", .fund_source = "agency", .agency = "TH-PM",
	  .description = "Miễn giảm học phí, vận động cháu đi học trở lại" },
	{ .indicator = "4.1", .kind = "housing", .fund_source = "fund", .agency = "MTTQ",
	  .cash = 20000000, .description = "Hỗ trợ sửa chữa nhà ở từ Quỹ Vì người nghèo" },
	{ .indicator = "4.1", .kind = "labour", .fund_source = "community", .agency = "DTN",
	  .person_days = 30, .description = "Ngày công thanh niên thay mái, trát lại tường nhà" },
	{ .indicator = "4.1", .kind = "labour", .fund_source = "community", .agency = "HCCB",
	  .person_days = 45, .description = "Ngày công hội viên xây lại tường nhà" },
	{ .indicator = "4.1", .kind = "legal", .fund_source = "budget", .agency = "VP HĐND-UBND",
	  .description = "Hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất để sửa nhà" },
	{ .indicator = "4.2", .kind = "housing", .fund_source = "donor", .agency = "MTTQ",
	  .cash = 15000000, .description = "Hỗ trợ cơi nới diện tích nhà ở" },
	{ .indicator = "4.2", .kind = "labour", .fund_source = "community", .agency = "CD",
	  .person_days = 20, .description = "Ngày công đoàn viên cơi nới nhà" },
	{ .indicator = "5.1", .kind = "services", .fund_source = "agency", .agency = "XD-NN&MT",
	  .cash = 3500000, .description = "Lắp đồng hồ và đường ống nước sạch" },
	{ .indicator = "5.2", .kind = "housing", .fund_source = "budget", .agency = "XD-NN&MT",
	  .cash = 6000000, .description = "Xây nhà tiêu hợp vệ sinh" },
	{ .indicator = "5.2", .kind = "labour", .fund_source = "community", .agency = "HND",
	  .person_days = 10, .description = "Ngày công xây nhà tiêu hợp vệ sinh" },
	{ .indicator = "6.1", .kind = "services", .fund_source = "agency", .agency = "VNPT",
	  .in_kind_qty = 1, .in_kind_unit = "điện thoại thông minh", .in_kind_value = 1800000,
	  .description = "Tặng điện thoại thông minh kèm gói cước" },
	{ .indicator = "6.1", .kind = "services", .fund_source = "agency", .agency = "VNPT",
	  .in_kind_qty = 12, .in_kind_unit = "tháng cước internet", .in_kind_value = 2160000,
	  .description = "Lắp internet cáp quang, miễn cước 12 tháng" },
	{ .indicator = "6.2", .kind = "services", .fund_source = "donor", .agency = "MTTQ",
	  .in_kind_qty = 1, .in_kind_unit = "ti vi", .in_kind_value = 5500000,
	  .description = "Tặng ti vi để theo dõi thông tin" },
	{ .indicator = "6.2", .kind = "services", .fund_source = "community", .agency = NULL,
	  .in_kind_qty = 1, .in_kind_unit = "đài FM", .in_kind_value = 450000,
	  .description = "Tặng đài FM, hướng dẫn nghe bản tin phường" },
};
const int gn_demo_n_supports = COUNT(gn_demo_supports);

/* ---- reports ---- */

static const char plan_summary[] =
	"Đã cùng tổ dân phố khảo sát hoàn cảnh hộ, thống nhất phương án hỗ trợ với gia đình.";
static const char half_year_summary[] =
	"Sơ kết 6 tháng: 15/15 hộ đã có phương án hỗ trợ; đã trao hỗ trợ sinh kế, nhà ở và bảo hiểm "
	"y tế cho nhiều hộ; đề nghị các đơn vị còn chậm báo cáo hoàn thành trước 25/7.";

static const char first_month_summary[] =
	"Kết quả tháng 5/2026: đã nhận nhiệm vụ theo kế hoạch, phối hợp tổ dân phố liên hệ với hộ.";
static const char *const monthly_summaries[] = {
	"đã trao hỗ trợ theo phương án, hộ ổn định sản xuất.",
	"đã cùng tổ dân phố thăm hộ, đôn đốc hoàn thiện hồ sơ vay vốn.",
	"đã tổ chức ngày công sửa chữa nhà ở, tiếp tục theo dõi.",
	"thành viên của hộ đã có việc làm ổn định, thu nhập tăng.",
	"chưa phát sinh hỗ trợ mới; đã thăm hỏi, động viên gia đình.",
	"đã hướng dẫn hộ lập kế hoạch chi tiêu và chăm sóc đàn gà giống.",
};
const gn_demo_words gn_demo_monthly_summaries = WORDS(monthly_summaries);

/* As of late November 2026: support plans mostly in by 10/6, a few late,
 * two never; monthly reports mostly on time with a gap or a delay here and
 * there (May's no earlier than the plan of 22/5); November's barely
 * started; the half-year report filed a day early; the year-end report not
 * yet due. */
const gn_demo_filing gn_demo_filings[] = {
	{ .rule = "plan", .month = 6, .missing = 2, .late = 3, .filed_max = -1,
	  .early_min = 0, .early_max = 7, .late_max = 10, .summary = plan_summary },
	{ .rule = "monthly", .month = 5, .missing = 1, .late = 2, .filed_max = -1,
	  .early_min = 0, .early_max = 3, .late_max = 5, .summary = first_month_summary },
	{ .rule = "monthly", .month = 6, .missing = 0, .late = 1, .filed_max = -1,
	  .early_min = 0, .early_max = 5, .late_max = 5 },
	{ .rule = "monthly", .month = 7, .missing = 1, .late = 2, .filed_max = -1,
	  .early_min = 0, .early_max = 5, .late_max = 5 },
	{ .rule = "monthly", .month = 8, .missing = 0, .late = 1, .filed_max = -1,
	  .early_min = 0, .early_max = 5, .late_max = 5 },
	{ .rule = "monthly", .month = 9, .missing = 1, .late = 1, .filed_max = -1,
	  .early_min = 0, .early_max = 5, .late_max = 5 },
	{ .rule = "monthly", .month = 10, .missing = 0, .late = 2, .filed_max = -1,
	  .early_min = 0, .early_max = 5, .late_max = 5 },
	{ .rule = "monthly", .month = 11, .missing = 0, .late = 0, .filed_max = 2,
	  .early_min = 0, .early_max = 3 },
	{ .rule = "half_year", .month = 6, .missing = 0, .late = 0, .filed_max = -1,
	  .early_min = 1, .early_max = 1, .summary = half_year_summary },
};
const int gn_demo_n_filings = COUNT(gn_demo_filings);

const char gn_demo_note[] = "Dữ liệu mẫu – hộ giả định.";
