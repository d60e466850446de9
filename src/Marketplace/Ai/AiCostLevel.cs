namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>How worrying the last hour's AI spending is.</summary>
public enum AiCostLevel
{
    /// <summary>At or below the warning threshold.</summary>
    Normal,

    /// <summary>Above the warning threshold ($1 per hour by default): log a warning.</summary>
    Warning,

    /// <summary>Above the alert threshold ($5 per hour by default): alert ops.</summary>
    Alert,
}
