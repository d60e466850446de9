namespace Sleek.Workflows.Marketplace.Suppliers;

/// <summary>A supplier's verification (stored snake_case): pending → verified / rejected; verified → suspended and back.</summary>
public enum VerificationStatus
{
    /// <summary>Signed up or invited; documents not yet verified.</summary>
    Pending,

    /// <summary>Ops verified its documents: eligible for offers.</summary>
    Verified,

    /// <summary>Ops rejected it (the reason is kept).</summary>
    Rejected,

    /// <summary>Ops suspended a verified supplier: no offers until reinstated.</summary>
    Suspended,
}
