namespace Sleek.Workflows.Marketplace.Files;

/// <summary>One file to store, for a record the caller has already been checked against.</summary>
/// <param name="OwnerKind">The kind of record it belongs to.</param>
/// <param name="OwnerId">The record.</param>
/// <param name="Kind">What it is for (types and size limit).</param>
/// <param name="FileName">The uploader's name for it (metadata only).</param>
/// <param name="Content">The bytes; read up to the kind's limit plus one byte.</param>
/// <param name="UploadedBy">The caller's id.</param>
public sealed record FileUpload(FileOwnerKind OwnerKind, Guid OwnerId, FileKind Kind, string? FileName, Stream Content, string? UploadedBy);

/// <summary>Why an upload was refused: the field, what is wrong in words, and the HTTP status it maps to (400, 413 or 415).</summary>
/// <param name="Field">The form field, e.g. <c>file</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Status">400 (bad name), 413 (too large) or 415 (a type not accepted).</param>
public sealed record FileRefusal(string Field, string Message, int Status);

/// <summary>An upload's outcome: the stored file, or why not.</summary>
/// <param name="File">The stored file's metadata.</param>
/// <param name="Refusal">Why it was refused.</param>
public sealed record FileUploadResult(StoredFile? File, FileRefusal? Refusal);
