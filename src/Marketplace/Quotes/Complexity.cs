namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>How hard a product is to make; a price factor (stored and sent as lower-case text).</summary>
public enum Complexity
{
    /// <summary>Factor 1.0.</summary>
    Simple,

    /// <summary>Factor 1.3; the default.</summary>
    Medium,

    /// <summary>Factor 1.6.</summary>
    Complex,
}
