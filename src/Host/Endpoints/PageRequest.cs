using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Host.Endpoints;

/// <summary>
/// <c>?page=&amp;pageSize=</c> of every list endpoint, bound with <c>[AsParameters]</c> and checked here once:
/// page 1 to <see cref="MaxPage"/> (default 1), page size 1 to <see cref="MaxSize"/> (default <see cref="DefaultSize"/>).
/// </summary>
public sealed class PageRequest
{
    /// <summary>Items per page when the caller does not say.</summary>
    public const int DefaultSize = 50;

    /// <summary>
    /// The last page a caller may ask for: every page up to it starts at an offset a 32-bit number holds for any page size,
    /// so the databases never see a negative OFFSET (PostgreSQL refuses one, SQLite reads it as none) and both answer alike.
    /// </summary>
    public const int MaxPage = 10_000_000;

    /// <summary>The largest page a caller may ask for (the engine's limit).</summary>
    public const int MaxSize = InstanceQueries.MaxPageSize;

    /// <summary>1-based page number.</summary>
    [FromQuery(Name = "page")]
    [Description("1-based page number (default 1, at most 10000000).")]
    [Range(1, MaxPage)]
    public int? Page { get; init; }

    /// <summary>Items per page.</summary>
    [FromQuery(Name = "pageSize")]
    [Description("Items per page (default 50, at most 200).")]
    [Range(1, MaxSize)]
    public int? PageSize { get; init; }

    /// <summary>The page to read.</summary>
    public int Number => Page ?? 1;

    /// <summary>Its size.</summary>
    public int Size => PageSize ?? DefaultSize;

    /// <summary>The problem naming the field that is out of range, or null when both are fine.</summary>
    public BadRequestProblem? Problem() =>
        Page is < 1 or > MaxPage ? Problems.Invalid("page", $"must be between 1 and {MaxPage}")
        : PageSize is < 1 or > MaxSize ? Problems.Invalid("pageSize", $"must be between 1 and {MaxSize}")
        : null;

    /// <summary>Skips the pages before this one and takes this one.</summary>
    public IQueryable<T> Slice<T>(IQueryable<T> query) => query.Skip((Number - 1) * Size).Take(Size);
}
