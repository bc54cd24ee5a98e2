using System.Security.Cryptography;
using CarteValoise.Cloud.DocumentSafe;
using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services;
using CarteValoise.Cloud.Tests.Billing;
using CarteValoise.Cloud.Tests.Testing;
using CarteValoise.Contracts.Documents;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Documents;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CarteValoise.Cloud.Tests.DocumentSafe;

/// <summary>
/// A silo with memory storage and a clock on Thursday 3 December 2026 at 12:30 in Paris, the
/// documents' contents in a real LiteDB store of a temporary folder, and the Documents service over
/// them, called as the portal calls it: with a session token, chunks in, chunks out.
/// </summary>
public sealed class DocumentsSilo() : TestSilo(new DateTimeOffset(2026, 12, 3, 11, 30, 0, TimeSpan.Zero))
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "carte-documents-tests", Guid.NewGuid().ToString("N"));

    internal LiteDbDocumentContentStore Store { get; private set; } = null!;

    public DocumentFiles Files { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Store = new LiteDbDocumentContentStore(Path.Combine(_folder, LiteDbDocumentContentStore.DefaultFileName));
        Files = new DocumentFiles(Store, DocumentKey.Of(RandomNumberGenerator.GetBytes(32)));
    }

    public override async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await base.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    public DocumentsService Service(DocumentLimits? limits = null) =>
        new(Grains, new CallerResolver(Tokens), new AccessLog(Grains, Time, NullLogger<AccessLog>.Instance), Files,
            new DocumentSafeSettings(limits ?? DocumentLimits.Default), Time, NullLogger<DocumentsService>.Instance);

    public static string NewAccount() => $"{Guid.NewGuid():N}@exemple.fr";

    public CallContext Parent(string account) => As(new Caller(account, "Léa Martin", CallerRole.Parent, new HashSet<string> { "95127" }, null));

    public CallContext Agent(string commune) => As(new Caller($"agent.{commune}@mairie.fr", $"Agent de {commune}", CallerRole.Agent, new HashSet<string> { commune }, null));

    public CallContext Kiosk() => As(new Caller("borne", "Borne", CallerRole.KioskFamily, new HashSet<string> { "95127" }, "95127-F001"));

    /// <summary>Sends a file as the portal does: the description, then chunks of 64 Ko.</summary>
    public static Task<SafeDocument> UploadAsync(DocumentsService service, CallContext caller, string type, string fileName, string date, byte[] content) =>
        service.UploadDocument(new Chunks<UploadDocumentChunk>(
        [
            new UploadDocumentChunk { Header = new UploadDocumentHeader { TypeCode = type, FileName = fileName, Date = date, DeclaredContentType = "application/pdf" } },
            .. content.Chunk(64 * 1024).Select(part => new UploadDocumentChunk { Content = ByteString.CopyFrom(part) }),
        ]), caller);

    /// <summary>A download as the portal reads it: the description, then the content put back together.</summary>
    public static async Task<(SafeDocument Header, byte[] Content)> ReadAsync(Func<IServerStreamWriter<DocumentChunk>, Task> download)
    {
        var written = new Written<DocumentChunk>();
        await download(written);
        Assert.Equal(DocumentChunk.PartOneofCase.Header, written.Messages[0].PartCase);
        Assert.All(written.Messages.Skip(1), m => Assert.True(m.Content.Length is > 0 and <= 64 * 1024));
        return (written.Messages[0].Header, [.. written.Messages.Skip(1).SelectMany(m => m.Content.ToByteArray())]);
    }
}

[CollectionDefinition(Name)]
public sealed class DocumentsSiloCollection : ICollectionFixture<DocumentsSilo>
{
    public const string Name = "documents-service";
}

/// <summary>A client's stream as the service reads it.</summary>
internal sealed class Chunks<T>(IReadOnlyList<T> messages) : IAsyncStreamReader<T>
{
    private int _next = -1;

    public T Current => messages[_next];

    public Task<bool> MoveNext(CancellationToken cancellationToken) => Task.FromResult(++_next < messages.Count);
}

/// <summary>What the service writes to a server stream.</summary>
internal sealed class Written<T> : IServerStreamWriter<T>
{
    public List<T> Messages { get; } = [];

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message)
    {
        Messages.Add(message);
        return Task.CompletedTask;
    }
}
