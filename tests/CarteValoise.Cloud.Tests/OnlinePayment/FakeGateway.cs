using System.Collections.Concurrent;
using CarteValoise.Cloud.Mail;
using CarteValoise.Cloud.OnlinePayment;
using CarteValoise.Domain.Payments;
using Xunit;

namespace CarteValoise.Cloud.Tests.OnlinePayment;

/// <summary>PayFiP as the services meet it: payments it creates, the answer it gives on each, and every call it received.</summary>
internal sealed class FakeGateway : IPayFiPGateway
{
    public ConcurrentQueue<PayFiPCreation> Created { get; } = new();

    public ConcurrentQueue<string> Asked { get; } = new();

    /// <summary>What the gateway answers about an idOp; P5 when not told.</summary>
    public ConcurrentDictionary<string, GatewayReport> Answers { get; } = new();

    public Task<string> CreatePaymentAsync(PayFiPCreation creation, CancellationToken cancellationToken)
    {
        Created.Enqueue(creation);
        return Task.FromResult(Guid.NewGuid().ToString());
    }

    public Task<GatewayReport> GetPaymentDetailAsync(string idOp, CancellationToken cancellationToken)
    {
        Asked.Enqueue(idOp);
        return Task.FromResult(Answers.GetValueOrDefault(idOp) ?? new GatewayReport.NotYetKnown());
    }

    public Uri PaymentPage(string idOp) => new($"https://payfip.example/tpa/paiementws.web?idop={idOp}");

    /// <summary>The detail PayFiP gives of a payment it created with these fields.</summary>
    public void Pays(string idOp, PayFiPCreation creation, string resultrans = "P", long? montant = null) =>
        Answers[idOp] = new GatewayReport.Detail(new GatewayDetail(idOp, creation.Fields.Refdet, (montant ?? creation.Fields.MontantCents).ToString(System.Globalization.CultureInfo.InvariantCulture),
            creation.Fields.Numcli, creation.Fields.Exer, resultrans, "04122026", "2105", "412867", creation.Fields.Mel, creation.Fields.Objet, "T"));
}

/// <summary>The mails the platform would send, with a signal for the one a test waits for.</summary>
internal sealed class CollectedMail : IMailSender
{
    private readonly ConcurrentQueue<OutgoingMail> _sent = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<OutgoingMail> Sent => [.. _sent];

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(mail);
        _arrived.Release();
        return Task.CompletedTask;
    }

    public async Task<OutgoingMail> NextAsync(Func<OutgoingMail, bool> match)
    {
        while (true)
        {
            if (_sent.FirstOrDefault(match) is { } mail) return mail;
            Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(10)), "No such mail was sent within 10 s.");
        }
    }
}
