"""Places and names of the demo programme: the 29 counties, 40 towns and 49 villages its
landings reached, and the words its generated experts, projects and studios are named with."""

# (city, county): the seed's "覆盖29个县".
COUNTIES = [
    ("福州市", "闽侯县"), ("福州市", "连江县"), ("福州市", "罗源县"), ("福州市", "闽清县"),
    ("福州市", "永泰县"), ("福州市", "福清市"), ("福州市", "长乐区"), ("福州市", "晋安区"),
    ("宁德市", "古田县"), ("宁德市", "屏南县"), ("宁德市", "寿宁县"), ("宁德市", "周宁县"),
    ("宁德市", "柘荣县"), ("宁德市", "福安市"), ("南平市", "建瓯市"), ("南平市", "武夷山市"),
    ("南平市", "浦城县"), ("南平市", "光泽县"), ("南平市", "松溪县"), ("三明市", "将乐县"),
    ("三明市", "泰宁县"), ("三明市", "建宁县"), ("三明市", "宁化县"), ("三明市", "尤溪县"),
    ("龙岩市", "长汀县"), ("龙岩市", "上杭县"), ("龙岩市", "连城县"), ("漳州市", "平和县"),
    ("漳州市", "南靖县"),
]  # fmt: skip
# Town j lies in county j % 29: "40个乡镇".
TOWNS = [
    "城关", "东门", "西溪", "南屿", "北岭", "白沙", "青口", "丹阳", "江南", "凤山", "龙湖",
    "洋中", "溪口", "霞浦", "松源", "梅仙", "兴田", "石门", "上洋", "富屯", "万全", "均口",
    "里心", "石壁", "坂面", "濯田", "旧县", "庙前", "坂仔", "书洋", "竹岐", "琯头", "起步",
    "塔庄", "同安", "渔溪", "潭头", "宦溪", "鹤塘", "大甲",
]  # fmt: skip
# Village v lies in town v % 40: "49个村".
VILLAGES = [
    "赤桥", "旗山", "桃源", "竹林", "清泉", "梅岭", "溪头", "后垄", "下洋", "上坪", "石狮",
    "岭下", "洋边", "坑头", "官庄", "樟林", "湖坑", "新桥", "龙井", "茶园", "高山", "南坑",
    "北坪", "东岭", "西坑", "长岭", "马洋", "黄田", "彭坊", "李坑", "杨梅", "柏林", "松洋",
    "枫林", "竹坪", "兰田", "荷坪", "莲塘", "桂林", "溪源", "田垅", "坑口", "洋头", "山后",
    "林中", "水口", "大坪", "小溪", "云山",
]  # fmt: skip
SURNAMES = "陈林黄张吴王郑刘李杨许蔡徐周谢方何罗郭丁"
GIVEN = "建华志明晓东海燕立新文斌国强丽娟振宇思远雪梅俊杰婉婷德明凌云宏远"
TOPICS = [
    "智慧农业物联网", "中药材规范化种植", "茶叶深加工", "竹木新材料", "乡村文旅数字化",
    "冷链物流", "海洋生物医药", "远程医疗平台", "光伏储能", "食用菌工厂化栽培",
    "农村电商直播", "智能装备制造", "生态养殖", "非遗手工艺", "县域医共体信息化",
]  # fmt: skip
HOSPITALS = [
    "县医院", "县中医院", "县妇幼保健院", "乡镇卫生院", "县人民医院",
]  # fmt: skip


def person_name(index: int) -> str:
    """A name from the pools, distinct for the first 20 × 22 × 21 indices."""
    surname = SURNAMES[index % len(SURNAMES)]
    given = GIVEN[(index // len(SURNAMES)) % len(GIVEN)]
    second = GIVEN[(index // (len(SURNAMES) * len(GIVEN))) % len(GIVEN)]
    return surname + given + (second if index >= len(SURNAMES) * len(GIVEN) else "")


def place(index: int) -> dict:
    """The place of landing ``index``: village ``index % 49`` with its town and county."""
    village = index % len(VILLAGES)
    town = village % len(TOWNS)
    city, county = COUNTIES[town % len(COUNTIES)]
    return {
        "province": "福建省",
        "city": city,
        "county": county,
        "town": TOWNS[town] + "镇",
        "village": VILLAGES[village] + "村",
    }
