//! Label normalisation for matching actors across two codings.

/// Traditional → Simplified pairs (traditional first) for the characters of
/// governance and community vocabulary: every traditional character of the
/// seed papers' actor names, and the common ones around them. A character
/// not listed is kept as it is (both codings are normalised the same way,
/// so an unlisted character can only prevent a match, never make a wrong one).
const TRAD_SIMP: &str = "區区與与務务黨党產产體体組组眾众衆众資资會会織织對对實实為为爲为參参動动領领業业層层\
給给現现過过價价機机問问單单題题員员關关綜综進进導导發发舊旧權权訴诉間间網网絡络時时創创張张內内\
場场標标從从設设調调協协個个側侧構构決决營营這这當当運运踐践視视質质勁劲國国識识議议點点續续學学\
達达強强經经統统變变認认聯联應应長长論论響响門门兩两結结優优規规範范開开揮挥戰战極极積积態态約约\
樣样來来將将臺台檯台颱台確确礎础轉转義义徑径屬属傳传專专細细項项財财責责勢势費费討讨終终獲获環环\
圖图監监漸渐驗验評评沖冲衝冲種种試试數数驅驱鍵键補补準准復复廣广邏逻輯辑滿满臨临條条見见匯汇彙汇\
嘗尝濟济離离辦办異异償偿緩缓別别劃划職职歸归難难訪访蓋盖線线綫线團团無无納纳況况處处堅坚溫温塊块\
適适稱称壞坏維维鏈链溝沟據据隨随狀状養养額额趨趋賴赖戶户隊队較较觀观電电擴扩雜杂賦赋圍围順顺撐撑\
計计邊边錯错斷断帶带備备樓楼縱纵報报談谈須须籌筹嚴严則则買买賣卖術术證证勵励沒没簡简載载絕绝爭争\
顧顾爾尔擔担閑闲壓压級级車车輛辆穩稳針针階阶橫横鄭郑緒绪釋释馬马說说劇剧雙双損损潛潜紛纷風风險险\
遞递疇畴贏赢稅税減减選选擇择衛卫亂乱講讲總总氣气駐驻讓让顯显話话語语橋桥詞词績绩還还陽阳奧奥羅罗\
熱热興兴訂订鄉乡夠够際际鎮镇執执潤润慣惯懷怀締缔貢贡獻献該该遷迁緊紧諸诸臟脏惡恶園园綠绿師师庫库\
負负兒儿裝装攤摊記记錄录滯滞們们紀纪蘭兰書书獨独靈灵鋒锋換换紅红簽签獎奖軟软頭头豐丰僅仅檢检習习\
聽听貼贴諧谐呂吕鷗鸥狹狭輸输緣缘隱隐礙碍勞劳彌弥債债貸贷鞏巩齡龄繳缴鬧闹輿舆韌韧館馆幫帮廚厨詢询\
掛挂闡阐筆笔編编碼码華华輕轻啟启諾诺邁迈競竞疊叠轄辖尋寻傾倾娛娱購购暢畅剛刚棟栋歲岁寫写饋馈慮虑\
縫缝擁拥寶宝貴贵鑒鉴盡尽聲声遲迟類类繞绕擺摆脫脱課课雖虽嬰婴醫医療疗頻频測测貫贯節节審审龍龙齊齐\
陳陈檔档淪沦腳脚樹树訓训廢废棄弃歷历糾纠訊讯貿贸撥拨躍跃謂谓東东壘垒護护徹彻幾几懲惩願愿廳厅號号\
鄰邻樂乐歡欢頁页錢钱銀银貨货預预藥药殘残親亲燈灯廠厂鐵铁郵邮紙纸畫画聞闻讀读覺觉靜静係系幹干縣县\
於于麼么後后裡里裏里著着並并卻却乾干濕湿淨净滅灭燒烧煙烟鹽盐礦矿壩坝築筑繕缮寬宽僑侨麗丽陸陆漢汉\
劉刘楊杨趙赵孫孙吳吴鄧邓蕭萧葉叶黃黄馮冯韓韩許许謝谢鍾钟鐘钟蘇苏盧卢蔣蒋譚谭賈贾鍋锅飯饭飲饮湯汤\
麵面屆届壽寿禮礼慶庆賀贺藝艺誌志冊册鑰钥鎖锁鏡镜錶表繩绳絲丝綢绸紡纺襪袜褲裤牆墙鋪铺頂顶樑梁磚砖\
漿浆塗涂噴喷灑洒澆浇濾滤汙污穢秽廁厕掃扫潔洁蔭荫萬万億亿倆俩餘余帳账賬账薦荐舉举僱雇傭佣託托擬拟\
覽览練练誠诚懇恳誼谊愛爱戀恋婦妇壇坛佈布佔占週周採采藉借捨舍註注瞭了嚮向迴回鍛锻鍊炼煉炼爐炉騎骑\
駕驾駛驶樁桩傢家擠挤貧贫窮穷幣币災灾訟讼韋韦偉伟勝胜敗败軍军帥帅閉闭閱阅閣阁悶闷鬥斗範范農农療疗\
勸劝興兴與与舊旧宮宫臥卧衛卫衆众鳳凤齒齿龜龟厭厌歐欧藍蓝蘭兰蟲虫觸触誇夸詩诗誤误諮咨謀谋譯译\
豬猪貓猫賓宾賺赚趕赶跡迹踐践輪轮辭辞遠远邏逻醜丑鈕钮銷销鋼钢錦锦鏈链閃闪陣阵雞鸡雲云霧雾響响\
頒颁領领頸颈題题顏颜願愿颳刮飄飘餵喂駁驳騰腾驕骄體体鬆松魚鱼鳥鸟麥麦黨党齋斋";

/// The simplified form of `c` (itself when the table has no entry).
fn simplify(c: char) -> char {
    let mut it = TRAD_SIMP.chars();
    while let (Some(t), Some(s)) = (it.next(), it.next()) {
        if t == c {
            return s;
        }
    }
    c
}

/// The key two labels are compared by: labels with equal keys name the same
/// actor.
///
/// ```text
/// 1. compatibility forms folded (an NFKC subset): full-width ASCII
///    U+FF01..U+FF5E -> U+0021..U+007E, the ideographic space U+3000 -> space
/// 2. ASCII letters lower-cased
/// 3. Traditional characters -> Simplified (a fixed table of the
///    governance vocabulary; unlisted characters are kept)
/// 4. whitespace and punctuation removed (ASCII and CJK: 、，。·・“”（）《》 …)
/// 5. a leading English article "the" removed
/// ```
///
/// An empty label gives an empty key, which matches nothing.
///
/// ```
/// use coprod::agreement::normalize_label;
/// assert_eq!(normalize_label("社區黨支部"), normalize_label("社区党支部"));
/// assert_eq!(normalize_label("The Residents' Committee"), normalize_label("residents committee"));
/// assert_eq!(normalize_label("五方聯動（平臺）"), normalize_label("五方联动(平台)"));
/// assert_ne!(normalize_label("居委會"), normalize_label("業委會"));
/// ```
pub fn normalize_label(label: &str) -> String {
    let folded: String = label
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .map(simplify)
        .collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") if words.len() > 1 => &words[1..],
        _ => &words[..],
    };
    words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_pairs_are_distinct_and_well_formed() {
        let chars: Vec<char> = TRAD_SIMP.chars().collect();
        assert_eq!(chars.len() % 2, 0);
        for p in chars.chunks(2) {
            // a traditional character never maps onto another traditional one
            assert_eq!(simplify(p[1]), p[1], "{}{} chains", p[0], p[1]);
            // the first entry of a character is the one used: duplicates agree
            assert_eq!(
                simplify(p[0]),
                chars[chars.iter().position(|&c| c == p[0]).unwrap() + 1]
            );
        }
    }

    #[test]
    fn keys() {
        assert_eq!(normalize_label("  "), "");
        assert_eq!(normalize_label("ＡＢＣ　ｄ"), "abcd");
        assert_eq!(normalize_label("the"), "the");
        assert_eq!(normalize_label("勁松北社區"), "劲松北社区");
        assert_eq!(normalize_label("愿景集團"), normalize_label("願景集团"));
        assert_eq!(normalize_label("1+3+N"), "13n");
    }
}
