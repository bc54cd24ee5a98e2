using System.Data.Common;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Orleans.Storage;

namespace CarteValoise.Cloud.Services.Errors;

/// <summary>
/// While a silo of the cluster is lost, or while the database restarts, grain calls fail for a few
/// seconds with Orleans' or the database's own exceptions. Left alone they reach clients as UNKNOWN,
/// which nothing retries; said as UNAVAILABLE they are retried by the web apps (for the calls safe to
/// repeat) and the boxes, which is what such a failure calls for. Anything else passes unchanged.
/// </summary>
public sealed class ClusterFailureInterceptor(ILogger<ClusterFailureInterceptor> logger) : Interceptor
{
    public const string Message = "Service momentanément indisponible : réessayez dans quelques secondes.";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            throw Unavailable(exception, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            throw Unavailable(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            throw Unavailable(exception, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            throw Unavailable(exception, context);
        }
    }

    /// <summary>A lost silo, a call that timed out on it, a storage write refused or failed: the cause or any inner one.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RpcException) return false;
            if (current is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException
                or InconsistentStateException or DbException) return true;
        }
        return false;
    }

    private RpcException Unavailable(Exception exception, ServerCallContext context)
    {
        logger.LogWarning(exception, "{Method} : panne passagère de la grappe, UNAVAILABLE renvoyé au client", context.Method);
        return new RpcException(new Status(StatusCode.Unavailable, Message));
    }
}
