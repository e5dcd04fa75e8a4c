"""Bilingual (zh↔en) field taxonomy: surface terms mapped to shared concept ids.

Each row of ``_TERMS`` is ``concept_id|中文词;中文词|english term;english term``.  The
concept id is a stable ASCII slug (the UI translates it); every Chinese or English surface form
on the row is folded to the same concept token at index and at query time, so an English-only
overseas profile that says "marine economy" meets a challenge that says "海洋经济".

Rows are grouped by industry chain, loosely following the chains named in the summit reports
(智能家电, 海洋装备, 智能制造装备, 数字经济, 生物医药 …).  Add terms freely: a surface form may
appear on one row only (``build_taxonomy`` refuses duplicates so that a term never means two
things).
"""

# ruff: noqa: E501  -- the term table keeps one concept per line, however long

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

_TERMS = """
# --- information technology, AI, data ---
artificial_intelligence|人工智能|artificial intelligence;ai
machine_learning|机器学习|machine learning;statistical learning
deep_learning|深度学习|deep learning;deep neural network;deep neural networks
neural_network|神经网络|neural network;neural networks
computer_vision|计算机视觉;机器视觉;视觉识别|computer vision;machine vision
image_recognition|图像识别|image recognition;image classification
image_processing|图像处理|image processing
natural_language_processing|自然语言处理|natural language processing;nlp
speech_recognition|语音识别|speech recognition;voice recognition
large_language_model|大模型;大语言模型|large language model;large language models;llm;foundation model
knowledge_graph|知识图谱|knowledge graph
recommender_system|推荐系统|recommender system;recommendation system
reinforcement_learning|强化学习|reinforcement learning
data_mining|数据挖掘|data mining
big_data|大数据|big data
data_analytics|数据分析|data analysis;data analytics
data_security|数据安全|data security
cybersecurity|网络安全;信息安全|cybersecurity;cyber security;network security;information security
cryptography|密码学|cryptography
blockchain|区块链|blockchain
cloud_computing|云计算|cloud computing
edge_computing|边缘计算|edge computing
high_performance_computing|高性能计算;超级计算|high performance computing;hpc;supercomputing
quantum_computing|量子计算|quantum computing
quantum_communication|量子通信|quantum communication
quantum_information|量子信息|quantum information
internet_of_things|物联网|internet of things;iot
industrial_internet|工业互联网|industrial internet;industrial iot;iiot
digital_twin|数字孪生|digital twin;digital twins
digital_economy|数字经济|digital economy
digital_transformation|数字化转型|digital transformation
smart_city|智慧城市|smart city;smart cities
metaverse|元宇宙|metaverse
virtual_reality|虚拟现实|virtual reality;vr
augmented_reality|增强现实|augmented reality;ar
software_engineering|软件工程|software engineering
operating_system|操作系统|operating system
database|数据库|database;databases
computer_network|计算机网络|computer network;computer networks
communication|通信;通讯|communication;communications;telecommunication;telecommunications
wireless_communication|无线通信|wireless communication
mobile_communication_5g|5g;第五代移动通信|5g
optical_communication|光通信;光纤通信|optical communication;fiber optic communication
satellite_communication|卫星通信|satellite communication
satellite_navigation|卫星导航;北斗|satellite navigation;gnss;beidou
remote_sensing|遥感|remote sensing
geographic_information_system|地理信息系统;地理信息|geographic information system;gis
signal_processing|信号处理|signal processing
e_commerce|电子商务;电商|e-commerce;ecommerce;electronic commerce
fintech|金融科技|fintech;financial technology
# --- electronics, semiconductors, instruments ---
semiconductor|半导体|semiconductor;semiconductors
integrated_circuit|集成电路|integrated circuit;integrated circuits;ic design
chip|芯片|chip;chips;microchip
microelectronics|微电子|microelectronics
optoelectronics|光电子;光电|optoelectronics;optoelectronic
photonics|光子学;光子|photonics
laser|激光|laser;lasers
display_technology|显示技术;新型显示|display technology;display technologies
led_lighting|半导体照明|led lighting;solid-state lighting
sensor|传感器;传感|sensor;sensors;sensing
mems|微机电系统|mems;microelectromechanical systems
precision_instrument|精密仪器;仪器仪表;精密仪器仪表|precision instrument;precision instruments;instrumentation
measurement|测量;计量|measurement;metrology
testing_inspection|检验检测;检测|testing and inspection;inspection;nondestructive testing
embedded_system|嵌入式系统;嵌入式|embedded system;embedded systems
power_electronics|电力电子|power electronics
electronic_information|电子信息|electronic information;electronics and information
smart_home_appliance|智能家电|smart home appliance;smart home appliances;smart appliances
smart_home|智能家居|smart home
consumer_electronics|消费电子|consumer electronics
# --- manufacturing, equipment, robotics ---
smart_manufacturing|智能制造|smart manufacturing;intelligent manufacturing
advanced_manufacturing|先进制造;高端制造|advanced manufacturing;high-end manufacturing
manufacturing|制造;制造业|manufacturing;manufacture
intelligent_equipment|智能装备;智能制造装备|intelligent equipment;smart equipment
high_end_equipment|高端装备|high-end equipment;high end equipment
industrial_robot|工业机器人|industrial robot;industrial robots
robotics|机器人|robot;robots;robotics
service_robot|服务机器人|service robot;service robots
automation|自动化|automation
industrial_automation|工业自动化|industrial automation
control_engineering|控制工程;自动控制|control engineering;automatic control
mechatronics|机电一体化|mechatronics
cnc_machine_tool|数控机床;机床|cnc machine tool;cnc machine tools;machine tool;machine tools
additive_manufacturing|增材制造;3d打印|additive manufacturing;3d printing
precision_machining|精密加工|precision machining
mold|模具|mold;mould;molds;moulds
welding|焊接|welding
casting|铸造|casting;foundry
forging|锻造|forging
heat_treatment|热处理|heat treatment
mechanical_engineering|机械工程|mechanical engineering
mechanical_design|机械设计|mechanical design
fault_diagnosis|故障诊断|fault diagnosis;fault detection
predictive_maintenance|预测性维护|predictive maintenance
condition_monitoring|状态监测|condition monitoring
vibration|振动|vibration;vibrations
reliability|可靠性|reliability
quality_control|质量控制;质量管理|quality control;quality management
industrial_design|工业设计|industrial design
lean_production|精益生产|lean production;lean manufacturing
supply_chain|供应链|supply chain;supply chains
logistics|物流|logistics
smart_logistics|智慧物流;智能物流|smart logistics
warehousing|仓储;智能仓储|warehousing;smart warehousing
unmanned_aerial_vehicle|无人机|unmanned aerial vehicle;unmanned aerial vehicles;uav;drone;drones
aerospace|航空航天|aerospace
aviation|航空|aviation;aeronautics
spaceflight|航天|spaceflight;space technology
rail_transit|轨道交通|rail transit;railway;railways
high_speed_rail|高铁;高速铁路|high-speed rail;high speed rail
shipbuilding|船舶;造船|shipbuilding;shipyard
# --- automotive, energy, environment ---
automotive|汽车;汽车产业|automotive;automobile;automobiles;car industry
new_energy_vehicle|新能源汽车|new energy vehicle;new energy vehicles;electric vehicle;electric vehicles;ev
intelligent_connected_vehicle|智能网联汽车|intelligent connected vehicle;connected vehicles
autonomous_driving|自动驾驶;无人驾驶|autonomous driving;self-driving;driverless
power_battery|动力电池|power battery;traction battery
lithium_battery|锂电池;锂离子电池|lithium battery;lithium-ion battery;lithium ion battery;li-ion battery
battery|电池|battery;batteries
energy_storage|储能|energy storage
fuel_cell|燃料电池|fuel cell;fuel cells
hydrogen_energy|氢能|hydrogen energy;hydrogen
new_energy|新能源|new energy;renewable energy
photovoltaic|光伏|photovoltaic;photovoltaics;pv;solar cell;solar cells
solar_energy|太阳能|solar energy;solar power
wind_power|风电;风能;风力发电|wind power;wind energy
nuclear_energy|核能;核电|nuclear energy;nuclear power
smart_grid|智能电网|smart grid
power_system|电力系统;电网|power system;power systems;power grid
electrical_engineering|电气工程|electrical engineering
energy_saving|节能;节能减排|energy saving;energy efficiency
carbon_neutrality|碳中和;双碳;碳达峰|carbon neutrality;carbon neutral;carbon peak;net zero
carbon_capture|碳捕集|carbon capture;ccus
environmental_protection|环保;环境保护|environmental protection
environmental_engineering|环境工程|environmental engineering
water_treatment|水处理;污水处理|water treatment;wastewater treatment;sewage treatment
air_pollution|大气污染;大气治理|air pollution
solid_waste|固废;固体废物|solid waste
soil_remediation|土壤修复|soil remediation
ecology|生态;生态学|ecology;ecological
ecological_restoration|生态修复|ecological restoration
circular_economy|循环经济|circular economy
recycling|回收利用;资源循环|recycling
water_conservancy|水利;水利工程|water conservancy;hydraulic engineering
water_resources|水资源|water resources
hydrology|水文|hydrology
flood_control|防洪;防汛|flood control;flood prevention
irrigation|灌溉;节水灌溉|irrigation
petroleum|石油;油气|petroleum;oil and gas
natural_gas|天然气|natural gas
coal|煤炭|coal
mining|矿业;采矿|mining
# --- materials, chemistry ---
new_materials|新材料|new materials;advanced materials;novel materials
materials_science|材料科学;材料|materials science;materials;material
aluminium_alloy|铝合金|aluminium alloy;aluminum alloy;aluminium alloys;aluminum alloys
titanium_alloy|钛合金|titanium alloy;titanium alloys
magnesium_alloy|镁合金|magnesium alloy;magnesium alloys
alloy|合金|alloy;alloys
steel|钢铁;钢材|steel;iron and steel
metallurgy|冶金|metallurgy;metallurgical
composite_material|复合材料|composite material;composite materials;composites
carbon_fiber|碳纤维|carbon fiber;carbon fibre
graphene|石墨烯|graphene
nanomaterials|纳米材料|nanomaterials;nanomaterial
nanotechnology|纳米技术;纳米|nanotechnology;nano
nanoimprint|纳米压印|nanoimprint;nanoimprint lithography
polymer|高分子;聚合物|polymer;polymers
ceramics|陶瓷|ceramic;ceramics
coating|涂层|coating;coatings
corrosion|腐蚀;防腐|corrosion;anticorrosion
rare_earth|稀土|rare earth;rare earths
biomaterials|生物材料|biomaterial;biomaterials
chemical_engineering|化学工程;化工|chemical engineering;chemical industry
fine_chemicals|精细化工|fine chemicals
catalysis|催化|catalysis;catalyst;catalysts
electrochemistry|电化学|electrochemistry
textile|纺织|textile;textiles
# --- life science, medicine, health ---
biomedicine|生物医药|biomedicine;biomedical;biopharmaceutical;biopharmaceuticals
biotechnology|生物技术|biotechnology
pharmaceutics|医药;制药|pharmaceutics;pharmaceutical;pharmaceuticals
innovative_drug|创新药;新药研发|innovative drug;innovative drugs;drug discovery;new drug
traditional_chinese_medicine|中医药;中医;中药|traditional chinese medicine;tcm;chinese medicine
medical_care|医疗;医疗卫生|medical care;healthcare;health care;medical
medical_device|医疗器械|medical device;medical devices;medical equipment
medical_imaging|医学影像|medical imaging
precision_medicine|精准医疗;精准医学|precision medicine
clinical_medicine|临床医学;临床|clinical medicine;clinical
oncology|肿瘤;癌症|oncology;tumor;tumour;cancer
cardiovascular|心血管|cardiovascular
neuroscience|神经科学;脑科学|neuroscience;brain science
genomics|基因组学;基因组|genomics;genome
gene_editing|基因编辑|gene editing;crispr
gene_therapy|基因治疗|gene therapy
cell_therapy|细胞治疗|cell therapy
stem_cell|干细胞|stem cell;stem cells
immunology|免疫学;免疫|immunology;immune
vaccine|疫苗|vaccine;vaccines
antibody|抗体|antibody;antibodies
synthetic_biology|合成生物学|synthetic biology
bioinformatics|生物信息学|bioinformatics
molecular_biology|分子生物学|molecular biology
microbiology|微生物|microbiology;microbial;microorganism
diagnostics|体外诊断;诊断|diagnostics;in vitro diagnostics;diagnosis
rehabilitation|康复|rehabilitation
elderly_care|养老;健康养老|elderly care;aged care
public_health|公共卫生|public health
digital_health|智慧医疗;互联网医疗;数字医疗|digital health;smart healthcare;telemedicine
health_industry|大健康;健康产业|health industry;wellness industry
nutrition|营养|nutrition
food_science|食品科学;食品|food science;food
food_safety|食品安全|food safety
food_processing|食品加工|food processing
# --- agriculture, rural ---
agriculture|农业|agriculture;agricultural;farming
smart_agriculture|智慧农业;数字农业|smart agriculture;precision agriculture;digital agriculture
modern_agriculture|现代农业|modern agriculture
seed_industry|种业;育种|seed industry;breeding;plant breeding
crop_science|作物;作物学|crop science;crops;crop
horticulture|园艺|horticulture
tea|茶叶;茶产业;茶|tea;tea industry
forestry|林业|forestry
animal_husbandry|畜牧;畜牧业|animal husbandry;livestock
veterinary|兽医|veterinary
fishery|渔业;水产|fishery;fisheries;aquatic products
aquaculture|水产养殖;养殖|aquaculture;fish farming
agricultural_products|农产品|agricultural products;farm produce
agricultural_machinery|农机;农业机械|agricultural machinery;farm machinery
rural_revitalization|乡村振兴|rural revitalization;rural revitalisation
rural_tourism|乡村旅游|rural tourism
cultural_tourism|文旅;文化旅游|cultural tourism
tourism|旅游|tourism
# --- marine ---
marine_economy|海洋经济;蓝色经济|marine economy;blue economy;ocean economy
marine_science|海洋科学;海洋|marine science;oceanography;ocean;marine
marine_equipment|海洋装备|marine equipment;offshore equipment
marine_engineering|海洋工程|marine engineering;ocean engineering;offshore engineering
marine_biology|海洋生物|marine biology;marine organisms
marine_pharmaceuticals|海洋药物;海洋生物医药|marine pharmaceuticals;marine drugs
marine_ranching|海洋牧场|marine ranching;marine ranch
marine_monitoring|海洋监测;海洋观测|marine monitoring;ocean monitoring;ocean observation
underwater_robot|水下机器人|underwater robot;underwater vehicle;auv;rov
deep_sea|深海|deep sea;deep-sea
port_shipping|港口;航运|port;ports;shipping
desalination|海水淡化|desalination;seawater desalination
# --- construction, civil, transport ---
civil_engineering|土木工程|civil engineering
construction|建筑;建筑业|construction;building industry;architecture
prefabricated_building|装配式建筑|prefabricated building;prefabricated construction
bridge_engineering|桥梁;桥梁工程|bridge engineering;bridges;bridge
tunnel_engineering|隧道|tunnel;tunnels;tunneling
geotechnical_engineering|岩土工程|geotechnical engineering
urban_planning|城市规划|urban planning
transportation|交通运输;交通|transportation;transport;traffic
intelligent_transportation|智能交通|intelligent transportation;intelligent transport systems
# --- economy, management, services ---
finance|金融|finance;financial
investment|投资|investment;investing
venture_capital|风险投资;创投|venture capital;vc
supply_chain_finance|供应链金融|supply chain finance
management|管理;管理学|management
marketing|市场营销;营销|marketing
entrepreneurship|创业;创新创业;双创|entrepreneurship;startup;start-up;startups
technology_transfer|成果转化;技术转移|technology transfer;commercialization
intellectual_property|知识产权;专利|intellectual property;patent;patents
education|教育|education
vocational_education|职业教育|vocational education
cultural_creative|文化创意;文创|cultural and creative industries;creative industries
design|设计|design
law|法律|law;legal
accounting|会计|accounting
international_trade|国际贸易;外贸|international trade;foreign trade
cross_border_ecommerce|跨境电商|cross-border e-commerce;cross border ecommerce
human_resources|人力资源|human resources;hr
industrial_chain|产业链|industrial chain;industry chain;value chain
industrial_park|产业园;园区|industrial park;science park
incubator|孵化器;孵化|incubator;incubation
# --- physics, math, basic science ---
mathematics|数学|mathematics;math
statistics|统计学;统计|statistics;statistical
physics|物理;物理学|physics
optics|光学|optics;optical
acoustics|声学|acoustics;acoustic
chemistry|化学|chemistry
biology|生物学;生物|biology;biological
geology|地质;地质学|geology;geological
meteorology|气象;气象学|meteorology;weather
climate_change|气候变化|climate change
earthquake|地震|earthquake;seismic
astronomy|天文;天文学|astronomy
fluid_mechanics|流体力学|fluid mechanics;computational fluid dynamics;cfd
thermodynamics|热力学|thermodynamics
optimization|优化算法;最优化|optimization;optimisation
algorithm|算法|algorithm;algorithms
simulation|仿真;模拟仿真|simulation;simulations
modeling|建模|modeling;modelling
control_theory|控制理论|control theory
# --- generic technical objects seen in challenges ---
intelligent_detection|智能检测|intelligent detection;automated inspection
defect_detection|缺陷检测|defect detection
target_detection|目标检测|object detection;target detection
path_planning|路径规划|path planning;route planning
positioning|定位|positioning;localization;localisation
navigation|导航|navigation
monitoring|监测;监控|monitoring;surveillance
early_warning|预警|early warning
scheduling|调度;排产|scheduling;dispatching
energy_management|能源管理|energy management
battery_management|电池管理|battery management;bms
motor|电机|motor;motors;electric motor
hydraulics|液压|hydraulics;hydraulic
bearing|轴承|bearing;bearings
gearbox|齿轮箱;齿轮|gearbox;gear;gears
engine|发动机|engine;engines
turbine|涡轮;汽轮机|turbine;turbines
pump|泵|pump;pumps
valve|阀门|valve;valves
pipeline|管道|pipeline;pipelines
packaging|包装|packaging
printing|印刷|printing
""".strip()


@dataclass(frozen=True)
class Concept:
    """One taxonomy concept: a stable id and its Chinese and English surface forms."""

    id: str
    zh: tuple[str, ...]
    en: tuple[str, ...]


def iter_concepts() -> Iterator[Concept]:
    """Yield every concept of the built-in table, in table order."""
    for raw in _TERMS.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cid, zh, en = line.split("|")
        yield Concept(
            id=cid.strip(),
            zh=tuple(t.strip() for t in zh.split(";") if t.strip()),
            en=tuple(t.strip() for t in en.split(";") if t.strip()),
        )


CONCEPTS: tuple[Concept, ...] = tuple(iter_concepts())
