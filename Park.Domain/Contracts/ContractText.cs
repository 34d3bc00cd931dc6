using System.Globalization;
using Park.Domain.Data;

namespace Park.Domain.Contracts;

/// <summary>The fixed wording of a contract in one language (the clauses come from the template).</summary>
internal sealed record ContractText(
    string Language,
    string Title,
    string AmendmentTitle,
    string ContractNo,
    string BaseContractNo,
    string Parties,
    string Lessor,
    string Lessee,
    string Uscc,
    string Address,
    string Representative,
    string Premises,
    string Park,
    string Buildings,
    string Floors,
    string SeatCount,
    string Terms,
    string Term,
    string Price,
    string Monthly,
    string Cycle,
    string Deposit,
    string Escalation,
    string Ramp,
    string Concessions,
    string Total,
    string SpecialTerms,
    string SeatSchedule,
    string PaymentScheduleTitle,
    string Signatures,
    string SealLessor,
    string SealLessee,
    string SignLine,
    string DateLine,
    string[] SeatHeaders,
    string[] PaymentHeaders,
    string RentFree,
    string Discounted,
    string Escalated,
    string Footer,
    string AmendmentPreamble,
    string EffectiveFrom,
    string AmendmentEffective,
    string AmendmentTotal,
    string DraftMark,
    string DraftNotice)
{
    public static ContractText For(string language) => language == "en-US" ? English : Chinese;

    public bool IsChinese => Language == "zh-CN";

    public string Date(DateOnly day) => IsChinese
        ? day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
        : day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public string Period(DateOnly start, DateOnly endExclusive) => IsChinese
        ? $"{Date(start)}至{Date(endExclusive.AddDays(-1))}"
        : $"{Date(start)} to {Date(endExclusive.AddDays(-1))}";

    public string Amount(Money money) => IsChinese ? $"{money}（{Documents.AmountInWords.Chinese(money)}）" : $"{money} (RMB; {Documents.AmountInWords.Chinese(money)})";

    public string ArticleNumber(int n) => IsChinese ? $"第{ChineseNumber(n)}条" : $"Article {n}";

    public string CycleName(string cycle) => (IsChinese, cycle) switch
    {
        (true, "quarterly") => "按季度支付，每期期初支付",
        (true, "half_yearly") => "按半年支付，每期期初支付",
        (true, "yearly") => "按年支付，每期期初支付",
        (true, _) => "按月支付，每期期初支付",
        (false, "quarterly") => "quarterly in advance",
        (false, "half_yearly") => "half-yearly in advance",
        (false, "yearly") => "yearly in advance",
        _ => "monthly in advance",
    };

    public string SeatType(string type) => (IsChinese, type) switch
    {
        (true, "team_lead") => "组长席",
        (true, "quality") => "质检席",
        (true, "training") => "培训席",
        (true, _) => "话务席",
        (false, "team_lead") => "Team lead",
        (false, "quality") => "Quality",
        (false, "training") => "Training",
        _ => "Agent",
    };

    public string Equipment(ContractSeat s)
    {
        var parts = new List<string>();
        if (s.HasPc)
        {
            parts.Add(IsChinese ? "电脑" : "PC");
        }

        if (s.HasHeadset)
        {
            parts.Add(IsChinese ? "耳麦" : "headset");
        }

        if (s.HasPhoneLine)
        {
            parts.Add(IsChinese ? "话机" : "phone");
        }

        if (s.Monitors > 0)
        {
            parts.Add(IsChinese ? $"显示器×{s.Monitors}" : $"{s.Monitors} monitor{(s.Monitors > 1 ? "s" : "")}");
        }

        if (s.PciZone)
        {
            parts.Add("PCI");
        }

        return string.Join(IsChinese ? "、" : ", ", parts);
    }

    /// <summary>1–99 in Chinese numerals for article numbers: 1 → 一, 10 → 十, 21 → 二十一.</summary>
    public static string ChineseNumber(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            < 20 => "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static readonly ContractText Chinese = new(
        "zh-CN", "呼叫中心座席租赁合同", "座席租赁合同补充协议（第{0}号）", "合同编号", "原合同编号",
        "一、合同当事人", "出租方（甲方）", "承租方（乙方）", "统一社会信用代码", "住所", "法定代表人 / 授权代表",
        "二、租赁标的", "园区", "楼栋", "楼层", "座席数量",
        "三、租期、租金与押金", "租赁期限", "座席单价（元/席/月，含税）", "月租金（按全部座席）", "支付方式", "押金",
        "租金递增", "座席爬坡", "免租及优惠期", "租金总额",
        "特别约定", "附件一：座席清单", "附件二：付款计划", "签署",
        "甲方（盖章）", "乙方（盖章）", "法定代表人或授权代表（签字）：", "签署日期：　　　年　　月　　日",
        ["序号", "座席编号", "楼栋", "楼层", "区域", "类型", "设备"],
        ["期次", "起始日", "截止日", "应付日", "计费座席", "单价（元/席/月）", "应付金额（元）", "备注"],
        "免租", "优惠", "递增", Documents.PageFurniture.ChineseFooter, "甲乙双方经协商一致，就编号为 {0} 的《呼叫中心座席租赁合同》（以下简称“原合同”）达成如下补充协议。本协议未约定事项，仍按原合同执行。",
        "补充协议生效日期", "本补充协议自 {0} 起生效，自该日起的座席与租金按本协议执行，付款计划见附件二。", "本协议期内租金总额",
        "【草稿】", "【草稿】本版本尚未签署，仅供审阅，不是已签发的合同，不能通过核验。");

    private static readonly ContractText English = new(
        "en-US", "Call-Center Seat Lease Contract", "Amendment No. {0} to the Seat Lease Contract", "Contract No.", "Base contract No.",
        "1. Parties", "Lessor (Party A)", "Lessee (Party B)", "Unified social credit code", "Address", "Legal or authorised representative",
        "2. Premises", "Park", "Buildings", "Floors", "Number of seats",
        "3. Term, rent and deposit", "Term", "Price per seat per month (VAT incl.)", "Monthly rent (all seats)", "Payment", "Deposit",
        "Escalation", "Ramp-up", "Rent-free and discounted periods", "Total rent",
        "Special terms", "Schedule 1: Seats", "Schedule 2: Payment schedule", "Signatures",
        "Party A (seal)", "Party B (seal)", "Signature of legal or authorised representative:", "Date: ____________",
        ["No.", "Seat", "Building", "Floor", "Zone", "Type", "Equipment"],
        ["No.", "From", "To", "Due", "Seats", "Price / seat", "Amount due", "Note"],
        "rent-free", "discount", "escalated", Documents.PageFurniture.EnglishFooter,
        "The parties agree on this amendment to the Seat Lease Contract No. {0} (the \"Contract\"). Anything this amendment does not change remains as agreed in the Contract.",
        "Amendment effective from", "This amendment takes effect on {0}; from that day the seats and rent are as set out here, with the payment schedule in Schedule 2.",
        "Total rent under this amendment",
        "[DRAFT]", "[DRAFT] This version is not signed yet: a preview for review, not an issued contract, and it will not verify.");
}
