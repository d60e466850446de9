namespace Sleek.Workflows.Engine.Runtime;

/// <summary>How a guard refuses a resume; the order is the precedence when several guards refuse (the most hiding wins).</summary>
public enum ResumeRefusalKind
{
    /// <summary>The caller may not know the wait exists: answered as an unknown token or event (404).</summary>
    Hidden,

    /// <summary>The caller may know of it but not resume it (403).</summary>
    Forbidden,

    /// <summary>Not now: the domain's state forbids it (409), e.g. an order on hold.</summary>
    Conflict,

    /// <summary>The payload breaks a domain rule the form cannot state (400 naming <see cref="ResumeRefusal.Field"/>), e.g. a date that must lie ahead.</summary>
    Invalid,
}

/// <summary>A guard's "no", with the reason (shown to the caller for Forbidden and Conflict, kept for the audit for Hidden).</summary>
/// <param name="Kind">How the caller is answered.</param>
/// <param name="Reason">Why, in words a person uses.</param>
public sealed record ResumeRefusal(ResumeRefusalKind Kind, string Reason)
{
    /// <summary>For <see cref="ResumeRefusalKind.Invalid"/>: the payload field at fault.</summary>
    public string? Field { get; init; }

    /// <summary>400 naming <paramref name="field"/> with the reason.</summary>
    public static ResumeRefusal Invalid(string field, string reason) => new(ResumeRefusalKind.Invalid, reason) { Field = field };

    /// <summary>404: as if the wait did not exist.</summary>
    public static ResumeRefusal Hidden(string reason) => new(ResumeRefusalKind.Hidden, reason);

    /// <summary>403 with the reason.</summary>
    public static ResumeRefusal Forbidden(string reason) => new(ResumeRefusalKind.Forbidden, reason);

    /// <summary>409 with the reason.</summary>
    public static ResumeRefusal Conflict(string reason) => new(ResumeRefusalKind.Conflict, reason);
}
