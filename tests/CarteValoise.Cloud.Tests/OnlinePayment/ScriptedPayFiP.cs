using System.Net;
using System.Text;

namespace CarteValoise.Cloud.Tests.OnlinePayment;

/// <summary>
/// PayFiP's web service as the HTTP client meets it: each call answered with a recorded envelope
/// and status, or left without an answer until the caller gives up. Keeps what was sent.
/// </summary>
internal sealed class ScriptedPayFiP : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode Status, string? Body, string ContentType)> _answers = new();

    public List<(HttpRequestMessage Request, string Body)> Received { get; } = [];

    /// <summary>Set once a request is waiting for an answer that will not come.</summary>
    public TaskCompletionSource Hanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScriptedPayFiP Answer(string body, HttpStatusCode status = HttpStatusCode.OK, string contentType = "text/xml")
    {
        _answers.Enqueue((status, body, contentType));
        return this;
    }

    public ScriptedPayFiP NoAnswer()
    {
        _answers.Enqueue((HttpStatusCode.OK, null, ""));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Received.Add((request, await request.Content!.ReadAsStringAsync(cancellationToken)));
        var (status, body, contentType) = _answers.Dequeue();
        if (body is null)
        {
            Hanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        return new HttpResponseMessage(status) { Content = new StringContent(body!, Encoding.UTF8, contentType) };
    }
}
