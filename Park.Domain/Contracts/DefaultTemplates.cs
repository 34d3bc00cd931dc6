namespace Park.Domain.Contracts;

/// <summary>The clause templates a new park starts with (Chinese and its English counterpart).</summary>
public static class DefaultTemplates
{
    public static string For(string language) => language == "en-US" ? English : Chinese;

    public const string Chinese = """
        ## 租赁用途
        乙方承租甲方位于{park.name}的座席共 **{lease.seats} 个**，仅用于呼叫中心及客户联络业务，未经甲方书面同意不得改变用途或转租。
        座席的编号、位置、类型及配套设备以附件一《座席清单》为准，附件与本合同具有同等法律效力。

        ## 租赁期限
        租赁期限为{lease.term}，共 {lease.months} 个月。
        租期届满乙方需要续租的，应于期满前六十日书面通知甲方，双方另行签订续租合同。

        ## 租金及支付
        座席单价为每席每月{lease.price}（{lease.price_words}），含增值税，月租金为{lease.monthly}（{lease.monthly_words}）。
        租金{lease.cycle}，各期应付日期及金额以附件二《付款计划》为准，租期租金总额为 **{lease.total}（{lease.total_words}）**。
        租金调整：{lease.escalation}。
        乙方逾期支付租金的，每逾期一日按逾期金额的万分之五向甲方支付违约金。

        ## 押金
        乙方应于本合同签订之日起五个工作日内向甲方支付押金{lease.deposit}（{lease.deposit_words}），相当于 {lease.deposit_months} 个月租金。
        租赁期满或合同解除后，甲方在扣除乙方应付未付款项后，于三十日内无息退还押金余额；押金不得冲抵租金。

        ## 双方权利义务
        甲方负责座席及配套设施（含网络、电力、空调）的日常维护，保障乙方正常使用。
        乙方应遵守园区管理规定，爱护座席及设备，因乙方原因造成损坏的，应负责修复或赔偿。

        ## 合同变更与解除
        本合同的变更应以书面补充协议方式作出，补充协议与本合同具有同等法律效力。
        任何一方严重违约，经对方书面催告后三十日内仍未纠正的，守约方有权解除本合同。

        ## 争议解决
        因本合同引起的争议，双方应友好协商解决；协商不成的，任何一方可向{park.name}所在地有管辖权的人民法院提起诉讼。
        本合同一式贰份，甲乙双方各执壹份，自双方签字盖章之日起生效。
        """;

    public const string English = """
        ## Use of the premises
        Party B leases **{lease.seats} seats** at {park.name} from Party A, for call-center and customer-contact operations only, and shall not change the use or sublet without Party A's written consent.
        The seats' codes, locations, types and equipment are listed in Schedule 1, which forms part of this Contract.

        ## Term
        The term is {lease.term} ({lease.months} months).
        Should Party B wish to renew, it shall notify Party A in writing at least sixty days before expiry; the parties will then sign a renewal contract.

        ## Rent and payment
        The price is {lease.price} per seat per month including VAT ({lease.price_words}); the monthly rent is {lease.monthly}.
        Rent is payable {lease.cycle}; the due dates and amounts of every period are set out in Schedule 2. The total rent for the term is **{lease.total} ({lease.total_words})**.
        Escalation: {lease.escalation}.
        Overdue rent bears a late fee of 0.05% of the overdue amount per day.

        ## Deposit
        Within five working days of signing, Party B shall pay a deposit of {lease.deposit} (the rent of {lease.deposit_months} month(s)).
        Within thirty days after the lease ends, Party A shall refund the deposit without interest after deducting any amounts due; the deposit shall not be used as rent.

        ## Obligations
        Party A maintains the seats and facilities (network, power, air conditioning) so that Party B can use them normally.
        Party B shall follow the park's rules and take care of the seats and equipment, and repair or compensate any damage it causes.

        ## Amendment and termination
        Any change to this Contract shall be made by a written amendment, which has the same force as this Contract.
        If either party materially breaches this Contract and fails to remedy the breach within thirty days of written notice, the other party may terminate it.

        ## Disputes
        Disputes arising from this Contract shall be settled by negotiation; failing that, either party may sue before the competent people's court where {park.name} is located.
        This Contract is made in two counterparts, one for each party, and takes effect when both parties have signed and sealed it. The Chinese version prevails.
        """;
}
