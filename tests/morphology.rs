//! Table-driven morphology cases: a word form (or multi-word form) → the lemma it must be
//! recognised as and its segmentation; and negative rows: forms that must not be read as a
//! given lemma. The lexicon is `tests/data/morph-lexicon.toml`, not the product glossary.

use std::path::Path;

use istilahi::annotate::annotate;
use istilahi::glossary::{Glossary, parse_file};
use istilahi::lexicon::Lexicon;

fn lexicon() -> Lexicon {
    let path = Path::new("tests/data/morph-lexicon.toml");
    let text = include_str!("data/morph-lexicon.toml");
    let mut g = Glossary::default();
    g.add_layer(parse_file(path, text).expect("the test lexicon is valid"));
    Lexicon::new(g)
}

/// A positive row: `form` must be one match with `lemma`, segmented as `segmentation`
/// (hyphens between morphemes, spaces between the words of a multi-word term).
struct Case {
    name: &'static str,
    form: &'static str,
    lemma: &'static str,
    segmentation: &'static str,
}

/// A negative row: no match in `form` may have the lemma `not`.
struct Negative {
    name: &'static str,
    form: &'static str,
    not: &'static str,
}

macro_rules! cases {
    ($($name:ident: $form:literal => $lemma:literal, $seg:literal;)*) => {
        &[$(Case { name: stringify!($name), form: $form, lemma: $lemma, segmentation: $seg }),*]
    };
}

macro_rules! negatives {
    ($($name:ident: $form:literal !=> $not:literal;)*) => {
        &[$(Negative { name: stringify!($name), form: $form, not: $not }),*]
    };
}

const CASES: &[Case] = cases! {
    // --- nouns 1/2: m-/mw-/mu- → wa-
    noun_5_6_loan_plural: "mabalozi" => "balozi", "ma-balozi";
    noun_1_2_m_consonant: "washirika" => "mshirika", "wa-shirika";
    noun_1_2_m_spokespeople: "wasemaji" => "msemaji", "wa-semaji";
    noun_1_2_mw_vowel_rebels: "waasi" => "mwasi", "wa-asi";
    noun_1_2_mw_vowel_writers: "waandishi" => "mwandishi", "wa-andishi";
    noun_1_2_classless_mps: "wabunge" => "mbunge", "wa-bunge";
    noun_1_2_mw_soldiers: "wanajeshi" => "mwanajeshi", "w-anajeshi";
    noun_1_2_refugees: "wakimbizi" => "mkimbizi", "wa-kimbizi";
    noun_1_2_candidates: "wagombea" => "mgombea", "wa-gombea";
    noun_1_2_mw_politicians: "wanasiasa" => "mwanasiasa", "w-anasiasa";
    noun_1_2_mu_vowel_believers: "waumini" => "muumini", "wa-umini";
    noun_1_2_mw_citizens: "wananchi" => "mwananchi", "w-ananchi";
    noun_1_2_short_stem_people: "watu" => "mtu", "wa-tu";
    noun_1_2_fighters: "wapiganaji" => "mpiganaji", "wa-piganaji";
    noun_1_2_mw_glide_stem_investors: "wawekezaji" => "mwekezaji", "wa-wekezaji";
    noun_1_2_delegates: "wajumbe" => "mjumbe", "wa-jumbe";
    noun_1_2_residents: "wakazi" => "mkazi", "wa-kazi";
    noun_1_2_classless_experts: "wataalamu" => "mtaalamu", "wa-taalamu";
    noun_1_2_opponents: "wapinzani" => "mpinzani", "wa-pinzani";
    noun_1_2_representatives: "wawakilishi" => "mwakilishi", "wa-wakilishi";
    noun_1_2_singular_exact: "mshirika" => "mshirika", "mshirika";
    noun_1_2_listed_plural_teachers: "walimu" => "mwalimu", "walimu";
    noun_1_2_listed_plural_women: "wanawake" => "mwanamke", "wanawake";
    noun_animate_russians: "Warusi" => "Mrusi", "Wa-rusi";
    noun_animate_britons: "Waingereza" => "Mwingereza", "Wa-ingereza";
    noun_animate_americans: "Wamarekani" => "Mmarekani", "Wa-marekani";
    noun_animate_classless_chinese: "Wachina" => "Mchina", "Wa-china";
    noun_animate_lowercase: "warusi" => "Mrusi", "wa-rusi";
    // --- nouns 3/4: m-/mw-/mu- → mi-
    noun_3_4_locative_plural: "mijini" => "mji", "mi-ji-ni";
    noun_3_4_short_stem_cities: "miji" => "mji", "mi-ji";
    noun_3_4_mw_vowel_months: "miezi" => "mwezi", "mi-ezi";
    noun_3_4_mw_vowel_years: "miaka" => "mwaka", "mi-aka";
    noun_3_4_meetings: "mikutano" => "mkutano", "mi-kutano";
    noun_3_4_borders: "mipaka" => "mpaka", "mi-paka";
    noun_3_4_conflicts: "mizozo" => "mzozo", "mi-zozo";
    noun_3_4_projects: "miradi" => "mradi", "mi-radi";
    noun_3_4_plans: "mipango" => "mpango", "mi-pango";
    noun_3_4_treaties: "mikataba" => "mkataba", "mi-kataba";
    noun_3_4_bills: "miswada" => "mswada", "mi-swada";
    noun_3_4_mu_vowel_structures: "miundo" => "muundo", "mi-undo";
    noun_3_4_regions: "mikoa" => "mkoa", "mi-koa";
    noun_3_4_streets: "mitaa" => "mtaa", "mi-taa";
    noun_3_4_classless_systems: "mifumo" => "mfumo", "mi-fumo";
    // --- nouns 5/6: Ø/ji- → ma-
    noun_5_6_armies: "majeshi" => "jeshi", "ma-jeshi";
    noun_5_6_nations: "mataifa" => "taifa", "ma-taifa";
    noun_5_6_short_stem_claims: "madai" => "dai", "ma-dai";
    noun_5_6_ji_to_ma_eyes: "macho" => "jicho", "ma-cho";
    noun_5_6_ji_to_me_teeth: "meno" => "jino", "me-no";
    noun_5_6_constituencies: "majimbo" => "jimbo", "ma-jimbo";
    noun_5_6_loan_ministers: "mawaziri" => "waziri", "ma-waziri";
    noun_5_6_loan_vowel_officials: "maafisa" => "afisa", "ma-afisa";
    noun_5_6_loan_classless_presidents: "marais" => "rais", "ma-rais";
    noun_5_6_loan_secretaries: "makatibu" => "katibu", "ma-katibu";
    noun_5_6_loan_governors: "magavana" => "gavana", "ma-gavana";
    noun_5_6_parliaments: "mabunge" => "bunge", "ma-bunge";
    noun_5_6_announcements: "matangazo" => "tangazo", "ma-tangazo";
    noun_5_6_attacks: "mashambulizi" => "shambulizi", "ma-shambulizi";
    noun_5_6_vowel_stem_areas: "maeneo" => "eneo", "ma-eneo";
    noun_5_6_questions: "maswali" => "swali", "ma-swali";
    noun_5_6_councils: "mabaraza" => "baraza", "ma-baraza";
    noun_5_6_classless_names: "majina" => "jina", "ma-jina";
    noun_5_6_organisations: "mashirika" => "shirika", "ma-shirika";
    noun_5_6_goals: "mabao" => "bao", "ma-bao";
    noun_5_6_singular_exact: "jeshi" => "jeshi", "jeshi";
    // --- nouns 7/8: ki-/ch- → vi-/vy-
    noun_7_8_units: "vikosi" => "kikosi", "vi-kosi";
    noun_7_8_sanctions: "vikwazo" => "kikwazo", "vi-kwazo";
    noun_7_8_ch_to_vy_parties: "vyama" => "chama", "vy-ama";
    noun_7_8_leaders: "viongozi" => "kiongozi", "vi-ongozi";
    noun_7_8_acts: "vitendo" => "kitendo", "vi-tendo";
    noun_7_8_stations: "vituo" => "kituo", "vi-tuo";
    noun_7_8_classless_villages: "vijiji" => "kijiji", "vi-jiji";
    noun_7_8_ch_to_vy_organs: "vyombo" => "chombo", "vy-ombo";
    noun_7_8_ch_to_vy_sources: "vyanzo" => "chanzo", "vy-anzo";
    noun_7_8_factories: "viwanda" => "kiwanda", "vi-wanda";
    noun_7_8_islands: "visiwa" => "kisiwa", "vi-siwa";
    // --- nouns 9/10: unchanged
    noun_9_10_unchanged_country: "nchi" => "nchi", "nchi";
    noun_9_10_unchanged_visit: "ziara" => "ziara", "ziara";
    noun_9_10_apostrophe_ascii: "ng'ombe" => "ng'ombe", "ng'ombe";
    noun_9_10_apostrophe_typographic: "ng’ombe" => "ng'ombe", "ng’ombe";
    // --- nouns 11/10 with nasal changes
    noun_11_10_nasal_b_to_mb: "mbao" => "ubao", "m-bao";
    noun_11_10_nasal_l_to_nd: "ndimi" => "ulimi", "n-dimi";
    noun_11_10_nasal_w_to_ny: "nyimbo" => "wimbo", "ny-imbo";
    noun_11_10_nasal_w_to_ny_time: "nyakati" => "wakati", "ny-akati";
    noun_11_10_nasal_vowel_to_ny: "nyuzi" => "uzi", "ny-uzi";
    noun_11_10_u_drop_sides: "pande" => "upande", "pande";
    noun_11_10_u_drop_walls: "kuta" => "ukuta", "kuta";
    noun_11_10_u_drop_elections: "chaguzi" => "uchaguzi", "chaguzi";
    noun_11_10_u_drop_messages: "jumbe" => "ujumbe", "jumbe";
    noun_11_10_u_drop_pages: "kurasa" => "ukurasa", "kurasa";
    noun_11_10_u_drop_keys: "funguo" => "ufunguo", "funguo";
    noun_11_10_u_drop_zones: "kanda" => "ukanda", "kanda";
    // --- nouns 11/6, 14/6
    noun_14_6_diseases: "magonjwa" => "ugonjwa", "ma-gonjwa";
    noun_14_6_vowel_decisions: "maamuzi" => "uamuzi", "ma-amuzi";
    noun_14_6_quarrels: "magomvi" => "ugomvi", "ma-gomvi";
    noun_14_abstract_exact: "usalama" => "usalama", "usalama";
    // --- locative -ni
    noun_locative_3_sg: "mjini" => "mji", "mji-ni";
    noun_locative_9_country: "nchini" => "nchi", "nchi-ni";
    noun_locative_5_mainland: "barani" => "bara", "bara-ni";
    noun_locative_9_picture: "pichani" => "picha", "picha-ni";
    noun_locative_9_danger: "hatarini" => "hatari", "hatari-ni";
    noun_locative_5_parliament: "bungeni" => "bunge", "bunge-ni";
    noun_locative_9_court: "mahakamani" => "mahakama", "mahakama-ni";
    noun_locative_9_camp: "kambini" => "kambi", "kambi-ni";
    noun_locative_9_office: "ofisini" => "ofisi", "ofisi-ni";
    noun_locative_9_hospital: "hospitalini" => "hospitali", "hospitali-ni";
    noun_locative_9_state_house: "Ikuluni" => "ikulu", "Ikulu-ni";
    noun_locative_5_prison: "gerezani" => "gereza", "gereza-ni";
    noun_locative_11_ground: "uwanjani" => "uwanja", "uwanja-ni";
    noun_locative_4_plural_borders: "mipakani" => "mpaka", "mi-paka-ni";
    noun_locative_4_plural_streets: "mitaani" => "mtaa", "mi-taa-ni";
    noun_locative_8_plural_villages: "vijijini" => "kijiji", "vi-jiji-ni";
    noun_locative_6_plural_constituencies: "majimboni" => "jimbo", "ma-jimbo-ni";
    noun_locative_7_sg_station: "kituoni" => "kituo", "kituo-ni";
    noun_locative_3_sg_meeting: "mkutanoni" => "mkutano", "mkutano-ni";
    // --- agreeing adjectives and numbers
    adjective_class_2: "wakuu" => "kuu", "wa-kuu";
    adjective_kuu_class_1: "mkuu" => "kuu", "m-kuu";
    adjective_kuu_class_6: "makuu" => "kuu", "ma-kuu";
    adjective_kuu_class_7: "kikuu" => "kuu", "ki-kuu";
    adjective_kuu_class_8: "vikuu" => "kuu", "vi-kuu";
    adjective_kuu_class_9_exact: "kuu" => "kuu", "kuu";
    adjective_pya_class_1_9: "mpya" => "pya", "m-pya";
    adjective_pya_class_2: "wapya" => "pya", "wa-pya";
    adjective_pya_class_5: "jipya" => "pya", "ji-pya";
    adjective_pya_class_6: "mapya" => "pya", "ma-pya";
    adjective_pya_class_7: "kipya" => "pya", "ki-pya";
    adjective_pya_class_8: "vipya" => "pya", "vi-pya";
    adjective_pya_class_4: "mipya" => "pya", "mi-pya";
    adjective_ingine_class_1: "mwingine" => "ingine", "mw-ingine";
    adjective_ingine_class_2_coalesced: "wengine" => "ingine", "we-ngine";
    adjective_ingine_class_6_coalesced: "mengine" => "ingine", "me-ngine";
    adjective_ingine_class_4: "mingine" => "ingine", "mi-ngine";
    adjective_ingine_class_5_li: "lingine" => "ingine", "l-ingine";
    adjective_ingine_class_9: "nyingine" => "ingine", "ny-ingine";
    adjective_ote_class_2: "wote" => "ote", "w-ote";
    adjective_ote_class_10: "zote" => "ote", "z-ote";
    adjective_ote_class_4_9: "yote" => "ote", "y-ote";
    adjective_ote_class_5: "lote" => "ote", "l-ote";
    adjective_ote_class_7: "chote" => "ote", "ch-ote";
    adjective_ote_class_8: "vyote" => "ote", "vy-ote";
    adjective_ote_class_15_17: "kote" => "ote", "k-ote";
    adjective_ote_class_16: "pote" => "ote", "p-ote";
    number_wili_class_2: "wawili" => "wili", "wa-wili";
    number_wili_class_6: "mawili" => "wili", "ma-wili";
    number_wili_class_8: "viwili" => "wili", "vi-wili";
    number_wili_class_4: "miwili" => "wili", "mi-wili";
    number_tatu_class_2: "watatu" => "tatu", "wa-tatu";
    number_tatu_class_6: "matatu" => "tatu", "ma-tatu";
    number_tatu_class_8: "vitatu" => "tatu", "vi-tatu";
    number_tatu_class_9_exact: "tatu" => "tatu", "tatu";
    number_nne_class_2: "wanne" => "nne", "wa-nne";
    number_nne_class_4: "minne" => "nne", "mi-nne";
    number_tano_class_2: "watano" => "tano", "wa-tano";
    number_tano_class_6: "matano" => "tano", "ma-tano";
    adjective_kubwa_class_1: "mkubwa" => "kubwa", "m-kubwa";
    adjective_kubwa_class_6: "makubwa" => "kubwa", "ma-kubwa";
    adjective_kubwa_class_8: "vikubwa" => "kubwa", "vi-kubwa";
    adjective_dogo_class_2: "wadogo" => "dogo", "wa-dogo";
    adjective_dogo_class_9_nasal: "ndogo" => "dogo", "n-dogo";
    adjective_dogo_class_8: "vidogo" => "dogo", "vi-dogo";
    adjective_refu_class_9_r_to_nd: "ndefu" => "refu", "n-defu";
    adjective_refu_class_1: "mrefu" => "refu", "m-refu";
    adjective_zuri_class_9_nasal: "nzuri" => "zuri", "n-zuri";
    adjective_zuri_class_6: "mazuri" => "zuri", "ma-zuri";
    adjective_ema_class_1_mw: "mwema" => "ema", "mw-ema";
    adjective_ema_class_7_ch: "chema" => "ema", "ch-ema";
    adjective_ema_class_8_vy: "vyema" => "ema", "vy-ema";
    adjective_ingi_class_2_coalesced: "wengi" => "ingi", "we-ngi";
    adjective_ingi_class_6_coalesced: "mengi" => "ingi", "me-ngi";
    adjective_ingi_class_9: "nyingi" => "ingi", "ny-ingi";
    adjective_ingi_class_4: "mingi" => "ingi", "mi-ngi";
    adjective_baya_class_1_9: "mbaya" => "baya", "m-baya";
    adjective_baya_class_6: "mabaya" => "baya", "ma-baya";
    adjective_baya_class_8: "vibaya" => "baya", "vi-baya";
    // --- verbs: subject markers and tenses
    verb_perfect: "amepanga" => "panga", "a-me-pang-a";
    verb_present_passive: "wanatarajiwa" => "tarajia", "wa-na-taraji-w-a";
    verb_sm_1sg_present: "ninasema" => "sema", "ni-na-sem-a";
    verb_sm_2sg_present: "unasema" => "sema", "u-na-sem-a";
    verb_sm_3sg_past: "alisema" => "sema", "a-li-sem-a";
    verb_sm_1pl_future: "tutaendelea" => "endelea", "tu-ta-endele-a";
    verb_sm_2pl_present: "mnataka" => "taka", "m-na-tak-a";
    verb_sm_3pl_past: "walikamatwa" => "kamata", "wa-li-kamat-w-a";
    verb_sm_class_3_perfect_passive: "umepitishwa" => "pita", "u-me-pit-ish-w-a";
    verb_sm_class_9_perfect_passive: "imetangazwa" => "tangaza", "i-me-tangaz-w-a";
    verb_sm_class_5_perfect_causative: "limepitisha" => "pita", "li-me-pit-ish-a";
    verb_sm_class_6_past_stative: "yalifanyika" => "fanyika", "ya-li-fanyik-a";
    verb_sm_class_7_perfect: "kimeshinda" => "shinda", "ki-me-shind-a";
    verb_sm_class_8_past_loan: "viliripoti" => "ripoti", "vi-li-ripoti";
    verb_sm_class_10_present_passive: "zinapeperushwa" => "peperusha", "zi-na-peperush-w-a";
    verb_sm_class_15_present_passive: "kunatarajiwa" => "tarajia", "ku-na-taraji-w-a";
    verb_sm_class_16_past_ku: "palikuwa" => "wa", "pa-li-ku-wa";
    verb_tam_future: "itasitisha" => "sitisha", "i-ta-sitish-a";
    verb_tam_situative_mono: "akiwa" => "wa", "a-ki-wa";
    verb_tam_situative: "wakisema" => "sema", "wa-ki-sem-a";
    verb_tam_narrative: "akasema" => "sema", "a-ka-sem-a";
    verb_tam_conditional: "angeshinda" => "shinda", "a-nge-shind-a";
    verb_tam_counterfactual_ngali: "angalishinda" => "shinda", "a-ngali-shind-a";
    verb_tam_counterfactual_ngeli: "tungelijua" => "jua", "tu-ngeli-ju-a";
    verb_tam_general_present_3sg: "asema" => "sema", "a-sem-a";
    verb_tam_general_present_class_9: "yasema" => "sema", "ya-sem-a";
    verb_tam_habitual: "huchapisha" => "chapisha", "hu-chapish-a";
    verb_tam_habitual_mono: "huwa" => "wa", "hu-wa";
    verb_tam_habitual_reciprocal: "hukutana" => "kutana", "hu-kutan-a";
    // --- verbs: negation
    verb_neg_present_3sg: "hataki" => "taka", "ha-tak-i";
    verb_neg_present_1sg: "sitaki" => "taka", "si-tak-i";
    verb_neg_present_2sg: "hutaki" => "taka", "hu-tak-i";
    verb_neg_past_3sg: "hakusema" => "sema", "ha-ku-sem-a";
    verb_neg_past_1sg: "sikusema" => "sema", "si-ku-sem-a";
    verb_neg_past_2sg: "hukusema" => "sema", "hu-ku-sem-a";
    verb_neg_not_yet_3sg: "hajafika" => "fika", "ha-ja-fik-a";
    verb_neg_not_yet_vowel_root: "hajaamua" => "amua", "ha-ja-amu-a";
    verb_neg_future_1sg_loan: "sitakubali" => "kubali", "si-ta-kubali";
    verb_neg_conditional: "hangeshinda" => "shinda", "ha-nge-shind-a";
    // --- verbs: relatives
    verb_relative_ye: "aliyesema" => "sema", "a-li-ye-sem-a";
    verb_relative_o_passive: "waliokamatwa" => "kamata", "wa-li-o-kamat-w-a";
    verb_relative_yo_lew_passive: "iliyotolewa" => "toa", "i-li-yo-to-lew-a";
    verb_relative_lo_causative_passive: "lililopitishwa" => "pita", "li-li-lo-pit-ish-w-a";
    verb_relative_cho: "kilichotokea" => "tokea", "ki-li-cho-toke-a";
    verb_relative_vyo_loan_passive: "vilivyoripotiwa" => "ripoti", "vi-li-vyo-ripoti-w-a";
    verb_relative_zo_lew_passive: "zilizotolewa" => "toa", "zi-li-zo-to-lew-a";
    verb_relative_po_loan: "alipowasili" => "wasili", "a-li-po-wasili";
    verb_relative_ko: "kulikotokea" => "tokea", "ku-li-ko-toke-a";
    verb_relative_mo_mono: "walimokuwa" => "wa", "wa-li-mo-ku-wa";
    verb_relative_present_o: "wanaotaka" => "taka", "wa-na-o-tak-a";
    verb_relative_class_3_stative: "uliotumika" => "tuma", "u-li-o-tum-ik-a";
    verb_relative_taka_ye_mono: "atakayekuja" => "ja", "a-taka-ye-ku-ja";
    verb_relative_taka_o_loan: "watakaoshiriki" => "shiriki", "wa-taka-o-shiriki";
    verb_relative_taka_yo_stative: "itakayotumika" => "tuma", "i-taka-yo-tum-ik-a";
    verb_relative_taka_o_mono: "watakaokuja" => "ja", "wa-taka-o-ku-ja";
    verb_relative_suffix_ye: "asemaye" => "sema", "a-sem-a-ye";
    verb_relative_suffix_o: "wasemao" => "sema", "wa-sem-a-o";
    verb_relative_suffix_zo_mono: "zijazo" => "ja", "zi-ja-zo";
    verb_relative_suffix_yo_mono: "ijayo" => "ja", "i-ja-yo";
    verb_relative_suffix_lo_mono: "lijalo" => "ja", "li-ja-lo";
    verb_relative_suffix_cho_mono: "kijacho" => "ja", "ki-ja-cho";
    verb_relative_suffix_yo: "ifuatayo" => "fuata", "i-fuat-a-yo";
    verb_relative_suffix_zo: "zifuatazo" => "fuata", "zi-fuat-a-zo";
    verb_relative_past_mono_ku: "uliokuwa" => "wa", "u-li-o-ku-wa";
    verb_relative_past_class_10_mono: "zilizokuwa" => "wa", "zi-li-zo-ku-wa";
    // --- verbs: subordinate negative -si-
    verb_subordinate_neg_ye_vowel_root: "asiyeegemea" => "egemea", "a-si-ye-egeme-a";
    verb_subordinate_neg_o_stative: "wasiohusika" => "husu", "wa-si-o-hus-ik-a";
    verb_subordinate_neg_subjunctive: "wasiende" => "enda", "wa-si-end-e";
    verb_subordinate_neg_subjunctive_loan: "tusikubali" => "kubali", "tu-si-kubali";
    // --- verbs: object markers and reflexive
    verb_object_class_9_loan: "inaishutumu" => "shutumu", "i-na-i-shutumu";
    verb_object_1sg_loan: "amenishutumu" => "shutumu", "a-me-ni-shutumu";
    verb_object_3sg: "alimteua" => "teua", "a-li-m-teu-a";
    verb_object_3sg_mw_vowel: "alimwambia" => "ambia", "a-li-mw-ambi-a";
    verb_object_1pl: "wametushambulia" => "shambulia", "wa-me-tu-shambuli-a";
    verb_object_3pl: "amewateua" => "teua", "a-me-wa-teu-a";
    verb_object_class_3: "wameupinga" => "pinga", "wa-me-u-ping-a";
    verb_object_class_5: "wamelikataa" => "kataa", "wa-me-li-kata-a";
    verb_object_class_6: "ameyakataa" => "kataa", "a-me-ya-kata-a";
    verb_object_class_7: "wamekifungua" => "fungua", "wa-me-ki-fungu-a";
    verb_object_class_10: "wamezikamata" => "kamata", "wa-me-zi-kamat-a";
    verb_object_class_9_infinitive: "kuivamia" => "vamia", "ku-i-vami-a";
    verb_object_2sg: "nitakuambia" => "ambia", "ni-ta-ku-ambi-a";
    verb_object_vowel_root_see: "unaiona" => "ona", "u-na-i-on-a";
    verb_reflexive_join: "kujiunga" => "unga", "ku-ji-ung-a";
    verb_reflexive_prepare: "wanajiandaa" => "andaa", "wa-na-ji-anda-a";
    verb_reflexive_defend: "amejitetea" => "tetea", "a-me-ji-tete-a";
    verb_reflexive_protect: "kujilinda" => "linda", "ku-ji-lind-a";
    verb_reflexive_causative_listed: "kujiimarisha" => "imarisha", "ku-ji-imarish-a";
    verb_listed_reflexive_stem: "amejiuzulu" => "jiuzulu", "a-me-jiuzulu";
    // --- verbs: extensions
    verb_passive_w: "wamekamatwa" => "kamata", "wa-me-kamat-w-a";
    verb_passive_after_applicative_root: "alishambuliwa" => "shambulia", "a-li-shambuli-w-a";
    verb_passive_vowel_final_liw: "alichaguliwa" => "chagua", "a-li-chagu-liw-a";
    verb_passive_vowel_final_lew: "iliondolewa" => "ondoa", "i-li-ondo-lew-a";
    verb_passive_vowel_final_liw_refuse: "lilikataliwa" => "kataa", "li-li-kata-liw-a";
    verb_passive_vowel_final_liw_open: "zilifunguliwa" => "fungua", "zi-li-fungu-liw-a";
    verb_passive_loan_i: "kujadiliwa" => "jadili", "ku-jadili-w-a";
    verb_passive_loan_u: "alishutumiwa" => "shutumu", "a-li-shutum-iw-a";
    verb_passive_loan_e: "walisamehewa" => "samehe", "wa-li-samehe-w-a";
    verb_passive_loan_i_accept: "yamekubaliwa" => "kubali", "ya-me-kubali-w-a";
    verb_passive_vowel_root: "yalitumiwa" => "tumia", "ya-li-tumi-w-a";
    verb_passive_prevent: "walizuiwa" => "zuia", "wa-li-zui-w-a";
    verb_applicative_i: "wanamwandikia" => "andika", "wa-na-mw-andik-i-a";
    verb_applicative_e: "aliombea" => "omba", "a-li-omb-e-a";
    verb_applicative_vowel_final_le: "kuondolea" => "ondoa", "ku-ondo-le-a";
    verb_applicative_i_pay: "walilipia" => "lipa", "wa-li-lip-i-a";
    verb_applicative_e_build: "anajengea" => "jenga", "a-na-jeng-e-a";
    verb_causative_ish: "wanapitisha" => "pita", "wa-na-pit-ish-a";
    verb_causative_esh: "kuendesha" => "enda", "ku-end-esh-a";
    verb_causative_esh_late: "kuchelewesha" => "chelewa", "ku-chelew-esh-a";
    verb_causative_ish_stand: "amesimamisha" => "simama", "a-me-simam-ish-a";
    verb_causative_ish_loan_i: "kurudisha" => "rudi", "ku-rud-ish-a";
    verb_stative_ik: "kumefanyika" => "fanyika", "ku-me-fanyik-a";
    verb_stative_ek: "kunaeleweka" => "elewa", "ku-na-elew-ek-a";
    verb_stative_loan: "kunakubalika" => "kubali", "ku-na-kubali-k-a";
    verb_reciprocal_an: "wanaelewana" => "elewa", "wa-na-elew-an-a";
    verb_reciprocal_loan_i: "wameafikiana" => "afiki", "wa-me-afiki-an-a";
    verb_reciprocal_loan_shauri: "kushauriana" => "shauri", "ku-shauri-an-a";
    verb_stacked_ishwa: "amesimamishwa" => "simama", "a-me-simam-ish-w-a";
    verb_stacked_ishwa_pass: "ulipitishwa" => "pita", "u-li-pit-ish-w-a";
    verb_stacked_ikana: "inapatikana" => "pata", "i-na-pat-ik-an-a";
    verb_stacked_ekana: "inaonekana" => "ona", "i-na-on-ek-an-a";
    verb_stacked_iana: "kupigiana" => "piga", "ku-pig-i-an-a";
    verb_stacked_iana_write: "wanaandikiana" => "andika", "wa-na-andik-i-an-a";
    verb_stacked_iana_loan_u: "kuhusiana" => "husu", "ku-hus-i-an-a";
    verb_stacked_kubaliana: "wamekubaliana" => "kubali", "wa-me-kubali-an-a";
    // --- verbs: final vowels
    verb_subjunctive_e: "wachukue" => "chukua", "wa-chuku-e";
    verb_subjunctive_e_vowel_root: "tuendelee" => "endelea", "tu-endele-e";
    verb_subjunctive_e_get: "wapate" => "pata", "wa-pat-e";
    verb_subjunctive_mono: "iwe" => "wa", "i-w-e";
    verb_imperative_singular_exact: "soma" => "soma", "soma";
    // --- verbs: loans in -i/-e/-u
    verb_loan_i_present: "anaamini" => "amini", "a-na-amini";
    verb_loan_i_infinitive: "kujadili" => "jadili", "ku-jadili";
    verb_loan_a_hudhuria: "kuhudhuria" => "hudhuria", "ku-hudhuri-a";
    verb_loan_u_future: "itaruhusu" => "ruhusu", "i-ta-ruhusu";
    verb_loan_e_perfect: "amesamehe" => "samehe", "a-me-samehe";
    // --- verbs: vowel-initial roots
    verb_vowel_root_infinitive_unda: "kuunda" => "unda", "ku-und-a";
    verb_vowel_root_infinitive_ongeza: "kuongeza" => "ongeza", "ku-ongez-a";
    verb_vowel_root_infinitive_endelea: "kuendelea" => "endelea", "ku-endele-a";
    verb_vowel_root_perfect: "ameongeza" => "ongeza", "a-me-ongez-a";
    verb_vowel_root_3pl_perfect: "wameunda" => "unda", "wa-me-und-a";
    verb_vowel_root_past_leave: "waliondoka" => "ondoka", "wa-li-ondok-a";
    verb_vowel_root_past_ask: "aliomba" => "omba", "a-li-omb-a";
    verb_vowel_root_present: "wanaendelea" => "endelea", "wa-na-endele-a";
    verb_vowel_root_decide: "ameamua" => "amua", "a-me-amu-a";
    verb_vowel_root_kw_infinitive: "kwenda" => "enda", "kw-end-a";
    // --- verbs: monosyllabic roots
    verb_mono_past_ku: "alikuwa" => "wa", "a-li-ku-wa";
    verb_mono_past_3pl_ku: "walikuwa" => "wa", "wa-li-ku-wa";
    verb_mono_perfect_ku: "umekuwa" => "wa", "u-me-ku-wa";
    verb_mono_present_ku: "anakuja" => "ja", "a-na-ku-ja";
    verb_mono_future_ku: "itakuwa" => "wa", "i-ta-ku-wa";
    verb_mono_situative_class_15: "kukiwa" => "wa", "ku-ki-wa";
    verb_mono_situative_class_5: "likiwa" => "wa", "li-ki-wa";
    verb_mono_perfect_die: "amekufa" => "fa", "a-me-ku-fa";
    verb_mono_infinitive: "kuja" => "ja", "ku-ja";
    verb_mono_narrative: "akaja" => "ja", "a-ka-ja";
    // --- verbs: infinitives
    verb_infinitive_prevent: "kuzuia" => "zuia", "ku-zui-a";
    verb_infinitive_give_out: "kutoa" => "toa", "ku-to-a";
    verb_infinitive_negative: "kutoegemea" => "egemea", "ku-to-egeme-a";
    verb_infinitive_negative_loan: "kutoshiriki" => "shiriki", "ku-to-shiriki";
    verb_infinitive_negative_stative: "kutofanyika" => "fanyika", "ku-to-fanyik-a";
    verb_listed_derived_stem_wins: "inafanyika" => "fanyika", "i-na-fanyik-a";
    // --- multi-word terms
    term_head_plural_animate: "mawaziri wa mambo ya nje" => "waziri wa mambo ya nje", "ma-waziri wa mambo ya nje";
    term_head_plural_capitalised: "Mawaziri wa Mambo ya Nje" => "waziri wa mambo ya nje", "Ma-waziri wa Mambo ya Nje";
    term_exact_singular: "waziri wa mambo ya nje" => "waziri wa mambo ya nje", "waziri wa mambo ya nje";
    term_adjective_agrees_officials: "maafisa wakuu" => "afisa mkuu", "ma-afisa wakuu";
    term_adjective_agrees_secretaries: "makatibu wakuu" => "katibu mkuu", "ma-katibu wakuu";
    term_connective_changes_3_4: "mizozo ya kieneo" => "mzozo wa kieneo", "mi-zozo ya kieneo";
    term_connective_changes_summits: "mikutano ya kilele" => "mkutano wa kilele", "mi-kutano ya kilele";
    term_connective_changes_7_8_media: "vyombo vya habari" => "chombo cha habari", "vy-ombo vya habari";
    term_connective_changes_7_8_forces: "vikosi vya usalama" => "kikosi cha usalama", "vi-kosi vya usalama";
    term_connective_changes_7_8_parties: "vyama vya siasa" => "chama cha siasa", "vy-ama vya siasa";
    term_connective_changes_5_6: "majeshi ya ulinzi" => "jeshi la ulinzi", "ma-jeshi ya ulinzi";
    term_animate_7_8_keeps_wa: "viongozi wa upinzani" => "kiongozi wa upinzani", "vi-ongozi wa upinzani";
    term_animate_1_2_plural: "wakimbizi wa ndani" => "mkimbizi wa ndani", "wa-kimbizi wa ndani";
    term_animate_1_2_peacekeepers: "walinda amani" => "mlinda amani", "wa-linda amani";
    term_exact_name: "Umoja wa Ulaya" => "Umoja wa Ulaya", "Umoja wa Ulaya";
    term_exact_name_un: "Umoja wa Mataifa" => "Umoja wa Mataifa", "Umoja wa Mataifa";
    term_possessive_inside: "makao yake makuu" => "makao makuu", "makao yake makuu";
    term_possessive_inside_plural_owner: "makao yao makuu" => "makao makuu", "makao yao makuu";
    term_exact_headquarters: "makao makuu" => "makao makuu", "makao makuu";
    term_verbal_relative_passive: "wanaoungwa mkono" => "unga mkono", "wa-na-o-ung-w-a mkono";
    term_verbal_infinitive: "kuunga mkono" => "unga mkono", "ku-ung-a mkono";
    term_verbal_perfect_object: "wamevipiga marufuku" => "piga marufuku", "wa-me-vi-pig-a marufuku";
    term_verbal_past_vote: "walipiga kura" => "piga kura", "wa-li-pig-a kura";
    term_verbal_past_sign: "walitia saini" => "tia saini", "wa-li-ti-a saini";
    term_verbal_negative_head: "asiyeegemea upande wowote" => "kutoegemea upande wowote", "a-si-ye-egeme-a upande wowote";
    term_verbal_negative_head_plural: "wasioegemea upande wowote" => "kutoegemea upande wowote", "wa-si-o-egeme-a upande wowote";
    term_spelling_variant_two_words: "wasi wasi" => "wasiwasi", "wasi wasi";
    term_spelling_variant_one_word: "wasiwasi" => "wasiwasi", "wasiwasi";
    // --- more subject markers, object markers and coalesced forms
    verb_sm_2pl_glide_subjunctive: "mwende" => "enda", "mw-end-e";
    verb_sm_mu_subjunctive_mono: "muwe" => "wa", "mu-w-e";
    verb_sm_2pl_past_mono: "mlikuwa" => "wa", "m-li-ku-wa";
    verb_general_present_vowel_root_3pl: "waendelea" => "endelea", "wa-endele-a";
    verb_general_present_vowel_root_class_6: "yaendelea" => "endelea", "ya-endele-a";
    verb_object_class_16: "wamepachagua" => "chagua", "wa-me-pa-chagu-a";
    verb_object_class_8: "wamevichukua" => "chukua", "wa-me-vi-chuku-a";
    verb_vowel_stem_two_vowels_kill: "kuua" => "ua", "ku-u-a";
    term_verbal_object_mu: "wanamuunga mkono" => "unga mkono", "wa-na-mu-ung-a mkono";
    term_verbal_infinitive_object_mu: "kumuunga mkono" => "unga mkono", "ku-mu-ung-a mkono";
    adjective_ingine_class_7_coalesced: "kingine" => "ingine", "k-ingine";
    adjective_kubwa_class_7: "kikubwa" => "kubwa", "ki-kubwa";
    adjective_dogo_class_7: "kidogo" => "dogo", "ki-dogo";
    verb_infinitive_capitalised: "Kusema" => "sema", "Ku-sem-a";
    term_adjective_agrees_prime_ministers: "Mawaziri wakuu" => "waziri mkuu", "Ma-waziri wakuu";
    verb_subordinate_neg_stacked_likana: "wasiojulikana" => "jua", "wa-si-o-ju-lik-an-a";
    verb_relative_po_mono: "walipokuwa" => "wa", "wa-li-po-ku-wa";
    verb_relative_ye_mono: "aliyekuwa" => "wa", "a-li-ye-ku-wa";
    verb_relative_reflexive: "wanaojiunga" => "unga", "wa-na-o-ji-ung-a";
    verb_relative_present_passive_vowel_root: "inayoongozwa" => "ongoza", "i-na-yo-ongoz-w-a";
    verb_relative_present_passive_loan_u: "anayeshutumiwa" => "shutumu", "a-na-ye-shutum-iw-a";
    verb_relative_past_passive_loan_i: "walioshtakiwa" => "shtaki", "wa-li-o-shtaki-w-a";
    verb_relative_taka_yo_listed_stem: "yatakayofanyika" => "fanyika", "ya-taka-yo-fanyik-a";
    verb_sm_class_15_past_mono: "kulikuwa" => "wa", "ku-li-ku-wa";
    // rows that first showed analyser gaps
    verb_neg_present_3pl: "hawasemi" => "sema", "ha-wa-sem-i";
    verb_neg_present_1pl: "hatutaki" => "taka", "ha-tu-tak-i";
    verb_neg_present_2pl: "hamtaki" => "taka", "ha-m-tak-i";
    verb_neg_present_2pl_mu: "hamuwezi" => "weza", "ha-mu-wez-i";
    verb_neg_present_class_9: "haiwezi" => "weza", "ha-i-wez-i";
    verb_neg_present_class_10: "hazitoshi" => "tosha", "ha-zi-tosh-i";
    verb_neg_present_loan: "hatukubali" => "kubali", "ha-tu-kubali";
    verb_neg_past_3pl: "hawakusema" => "sema", "ha-wa-ku-sem-a";
    verb_neg_past_class_9_mono: "haikuwa" => "wa", "ha-i-ku-wa";
    verb_neg_past_class_10_mono: "hazikuwa" => "wa", "ha-zi-ku-wa";
    verb_neg_past_class_15_mono: "hakukuwa" => "wa", "ha-ku-ku-wa";
    verb_neg_past_class_16_mono: "hapakuwa" => "wa", "ha-pa-ku-wa";
    verb_neg_past_class_7_loan: "hakikushiriki" => "shiriki", "ha-ki-ku-shiriki";
    verb_neg_not_yet_class_5_stative: "halijafanyika" => "fanyika", "ha-li-ja-fanyik-a";
    verb_neg_not_yet_class_6_passive: "hayajatekelezwa" => "tekeleza", "ha-ya-ja-tekelez-w-a";
    verb_neg_future_class_8_loan_passive: "havitaruhusiwa" => "ruhusu", "ha-vi-ta-ruhus-iw-a";
    verb_neg_future_1pl_vowel_root: "hatutaendelea" => "endelea", "ha-tu-ta-endele-a";
    verb_neg_future_class_3_stative: "hautakubalika" => "kubali", "ha-u-ta-kubali-k-a";
    verb_imperative_plural_eni: "chagueni" => "chagua", "chagu-eni";
    verb_imperative_plural_eni_leave: "ondokeni" => "ondoka", "ondok-eni";
    verb_imperative_plural_loan_ni: "jadilini" => "jadili", "jadili-ni";
    verb_neg_present_stacked_ekana: "haiwezekani" => "weza", "ha-i-wez-ek-an-i";
    verb_neg_present_reciprocal_loan: "hawakubaliani" => "kubali", "ha-wa-kubali-an-i";
    verb_subjunctive_reciprocal_loan: "tushirikiane" => "shiriki", "tu-shiriki-an-e";
    verb_passive_mono_give: "alipewa" => "pa", "a-li-p-ew-a";
    verb_passive_mono_give_subjunctive: "wapewe" => "pa", "wa-p-ew-e";
    verb_mono_like_kw_support_past: "walikwenda" => "enda", "wa-li-kw-end-a";
    verb_mono_like_kw_support_present: "anakwenda" => "enda", "a-na-kw-end-a";
    verb_causative_z: "kupunguza" => "pungua", "ku-pungu-z-a";
    verb_general_present_1sg_coalesced: "nasema" => "sema", "na-sem-a";
    verb_general_present_1pl_coalesced: "twaendelea" => "endelea", "twa-endele-a";
    verb_general_present_class_7_coalesced: "chaendelea" => "endelea", "cha-endele-a";
    noun_5_6_j_to_m_matters: "mambo" => "jambo", "m-ambo";
    adjective_ingine_class_5_ji: "jingine" => "ingine", "j-ingine";
    adjective_ingine_class_8_coalesced: "vingine" => "ingine", "vi-ngine";
    adjective_ingi_class_8_coalesced: "vingi" => "ingi", "vi-ngi";
    number_wili_class_10_nasal: "mbili" => "wili", "m-bili";
    adjective_ema_class_9_nasal: "njema" => "ema", "nj-ema";
    adjective_ema_class_5: "jema" => "ema", "j-ema";
    adjective_ote_class_18: "mote" => "ote", "m-ote";
    term_9_10_plural_concord: "kura za maoni" => "kura ya maoni", "kura za maoni";
};

const NEGATIVES: &[Negative] = negatives! {
    // --- a noun prefix is not a verb prefix
    noun_prefix_is_not_verb_prefix: "mapanga" !=> "panga";
    noun_6_is_not_verb_surround: "mazingira" !=> "zingira";
    noun_6_is_not_verb_wipe: "mafuta" !=> "futa";
    noun_3_is_not_verb_plan: "mpango" !=> "panga";
    noun_4_is_not_verb_plan: "mipango" !=> "panga";
    noun_6_attacks_not_verb: "mashambulizi" !=> "shambulia";
    noun_6_announcements_not_verb: "matangazo" !=> "tangaza";
    noun_agent_suffix_not_verb: "wapangaji" !=> "panga";
    noun_6_killings_not_verb_kill: "mauaji" !=> "ua";
    // --- capitalised places stay names inside a sentence
    place_pangani_not_locative_verb: "Wageni walifika Pangani jana." !=> "panga";
    place_kigoma_not_class_7_verb: "Ujumbe uliwasili Kigoma jana." !=> "goma";
    place_mwanza_not_2pl_verb: "Mkutano ulifanyika Mwanza wiki iliyopita." !=> "anza";
    place_arusha_not_verb: "Viongozi walikutana Arusha jana." !=> "rusha";
    place_musoma_not_class_18_verb: "Mgombea alihutubia wakazi wa Musoma." !=> "soma";
    place_name_takes_no_locative: "Wakazi wa Kambini walihamishwa jana." !=> "kambi";
    // --- short stems do not match by accident
    short_stem_wala_not_eat: "wala" !=> "la";
    short_stem_kila_not_eat: "kila" !=> "la";
    short_stem_ila_not_eat: "ila" !=> "la";
    short_stem_hapa_not_give: "hapa" !=> "pa";
    short_stem_wapi_not_give: "wapi" !=> "pa";
    short_stem_lipa_not_give: "lipa" !=> "pa";
    short_stem_alipa_not_give: "alipa" !=> "pa";
    short_stem_tutaja_not_come: "tutaja" !=> "ja";
    short_stem_haja_not_come: "haja" !=> "ja";
    short_stem_anajaribu_not_come: "anajaribu" !=> "ja";
    short_stem_hawa_not_be: "hawa" !=> "wa";
    short_stem_awali_not_be: "awali" !=> "wa";
    // --- monosyllabic roots need support
    monosyllable_needs_support: "anaja" !=> "ja";
    monosyllable_future_needs_support: "itaja" !=> "ja";
    monosyllable_future_needs_support_monks: "watawa" !=> "wa";
    monosyllable_present_needs_support_wash: "anawa" !=> "wa";
    monosyllable_perfect_needs_support: "amefa" !=> "fa";
    // --- an entry is not re-analysed into another entry
    entry_not_reanalysed_administration: "utawala" !=> "tawala";
    entry_not_reanalysed_condition: "hali" !=> "la";
    entry_not_reanalysed_step: "hatua" !=> "tua";
    entry_not_reanalysed_ambassador_embassy: "balozi" !=> "ubalozi";
    entry_not_reanalysed_listed_stem: "inafanyika" !=> "fanya";
    entry_not_reanalysed_leader: "kiongozi" !=> "ongoza";
    // --- wrong-class plurals
    wrong_class_9_10_no_ma_place: "mahali" !=> "hali";
    wrong_class_9_10_no_ma_residences: "makazi" !=> "kazi";
    wrong_class_11_10_no_ma_goals: "mabao" !=> "ubao";
    wrong_class_11_10_no_ma_walls: "makuta" !=> "ukuta";
    wrong_class_9_10_no_vi: "vinchi" !=> "nchi";
    wrong_class_7_8_no_ma: "makikosi" !=> "kikosi";
    wrong_class_9_adverb_ki: "kiserikali" !=> "serikali";
    // --- negative final -i without negative prefix, and other FV mismatches
    neg_final_without_neg_prefix: "wasemi" !=> "sema";
    neg_final_after_tense: "walisemi" !=> "sema";
    neg_final_after_present: "anasemi" !=> "sema";
    neg_prefix_needs_neg_final: "hawasema" !=> "sema";
    subjunctive_not_after_tense: "atapange" !=> "panga";
    taka_needs_relative: "watakasema" !=> "sema";
    imperative_plural_not_after_subject: "wapangeni" !=> "panga";
    // --- terms: agreement, polarity, sentence boundaries
    term_connective_must_agree_4: "mizozo la kieneo" !=> "mzozo wa kieneo";
    term_negative_head_needs_negative: "wanaoegemea upande wowote" !=> "kutoegemea upande wowote";
    term_not_across_sentences: "Alikutana na waziri. Wa mambo ya nje hakuwepo." !=> "waziri wa mambo ya nje";
    term_verbal_needs_its_object: "wanaoungwa na wengi" !=> "unga mkono";
    noun_5_6_mambo_is_not_jimbo: "mambo" !=> "jimbo";
    term_connective_must_agree_8: "vikosi cha usalama" !=> "kikosi cha usalama";
    term_9_10_wrong_concord: "kura la maoni" !=> "kura ya maoni";
};

#[test]
fn positive_cases() {
    let lx = lexicon();
    let mut failures = Vec::new();
    for c in CASES {
        let doc = annotate(&lx, c.name, c.form);
        let whole = doc
            .sentences
            .iter()
            .flat_map(|s| &s.matches)
            .find(|m| m.start == 0 && m.end == c.form.len());
        match whole {
            None => failures.push(format!("{}: {:?} is not one match", c.name, c.form)),
            Some(m) => {
                let seg = m
                    .analyses
                    .first()
                    .map_or_else(|| m.surface.clone(), |a| a.segmentation.clone());
                if m.lemma.to_lowercase() != c.lemma.to_lowercase() || seg != c.segmentation {
                    failures.push(format!(
                        "{}: {:?} gave {:?} {:?}, want {:?} {:?}",
                        c.name, c.form, m.lemma, seg, c.lemma, c.segmentation
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn negative_cases() {
    let lx = lexicon();
    let mut failures = Vec::new();
    for n in NEGATIVES {
        let doc = annotate(&lx, n.name, n.form);
        for m in doc.sentences.iter().flat_map(|s| &s.matches) {
            if m.lemma.to_lowercase() == n.not.to_lowercase() {
                failures.push(format!(
                    "{}: {:?} was read as {:?} ({})",
                    n.name, n.form, n.not, m.surface
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        NEGATIVES.len(),
        failures.join("\n")
    );
}

#[test]
fn table_names_are_unique() {
    let mut names: Vec<&str> = CASES
        .iter()
        .map(|c| c.name)
        .chain(NEGATIVES.iter().map(|n| n.name))
        .collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len());
}

// Known analyser gaps (correct Swahili the analyser does not handle yet):
//
// The passive of -ua "kill" is irregular (u-aw-a): not derived by the extension rules.
//     verb_passive_short_root_kill: "waliuawa" => "ua", "wa-li-u-aw-a";
//
// Demonstratives in -le (wale, ile, kule) take the shape of the subjunctive of -la "eat"
// (wa-l-e); the product glossary lists the demonstratives, whose exact entries win, but a
// lexicon without them shows the ambiguity.
//     demonstrative_wale_not_eat: "Wale wanajeshi walirejea." !=> "la";
