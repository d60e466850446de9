namespace Sleek.Workflows.Marketplace.Quotes;

/// <summary>The outcome of <see cref="QuoteRequestValidator.Validate"/>: errors keyed by camelCase field name, or the valid request.</summary>
public sealed class QuoteValidation
{
    internal QuoteValidation(IReadOnlyDictionary<string, string[]> errors, ValidQuoteRequest? request)
    {
        Errors = errors;
        Request = request;
    }

    /// <summary>Field name (productType, quantity, …) → messages; the shape of ASP.NET's ValidationProblem.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The normalized request when valid.</summary>
    public ValidQuoteRequest? Request { get; }

    /// <summary>True when there are no errors.</summary>
    public bool IsValid => Request is not null;
}
