namespace Sleek.Workflows.Host.Endpoints;

/// <summary>
/// One page of the audit log or the users: <c>{items, page, pageSize, total}</c>. (Engine lists answer with
/// <see cref="Engine.Runtime.Views.Page{T}"/>, whose number is <c>pageNumber</c>; both shapes are part of the contract.)
/// </summary>
/// <typeparam name="T">Item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Page size.</param>
/// <param name="Total">Items in all pages.</param>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
