using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Scaneo.Inference.Diagnostics;

namespace Scaneo.Inference;

/// <summary>
/// Sends one request to a model server and reads its reply within the size limit, turning every transport failure
/// into a typed <see cref="InferenceException"/>. Retries, attempt/total timeouts and the circuit breaker live in the
/// resilience handler of the <see cref="HttpClient"/>; this class only classifies what comes out of it.
/// </summary>
internal sealed class ModelHttpInvoker(HttpClient httpClient, IOptionsMonitor<InferenceOptions> options, IOptionsMonitor<ModelResilienceOptions> modelOptions, ILogger logger)
{
    private const int ErrorBodyBytes = 4096;

    public InferenceOptions Options => options.CurrentValue;

    public async Task<ReadOnlyMemory<byte>> SendAsync(ModelDefinition model, HttpContent content, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var resilience = ResilienceSettings.For(settings, modelOptions.Get(model.Name));
        string endpoint = EndpointText.Redact(model.Endpoint);
        if (!model.Endpoint.IsAbsoluteUri || (model.Endpoint.Scheme != Uri.UriSchemeHttp && model.Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new InferenceException($"Model '{model.Name}' endpoint {endpoint} uses an unsupported scheme; expected http or https.", model.Name);
        }

        // Userinfo never goes on the wire or into pipeline keys and logs: it becomes a Basic header instead.
        var target = model.Endpoint;
        string? userInfo = target.UserInfo;
        if (!string.IsNullOrEmpty(userInfo))
        {
            target = new UriBuilder(target) { UserName = string.Empty, Password = string.Empty }.Uri;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
        request.Options.Set(ModelResiliencePipelines.ModelName, model.Name);
        if (!string.IsNullOrEmpty(userInfo))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(userInfo))));
        }

        AddCredentials(request, model.Name, settings);
        long started = Stopwatch.GetTimestamp();
        Log.Sending(logger, model.Task.Value, model.Name, endpoint, content.Headers.ContentLength ?? -1, content.Headers.ContentType?.MediaType ?? "?");
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!IsUserCancellation(ex, cancellationToken) && Classify(ex, model.Name, endpoint, resilience.TotalTimeout) is InferenceException mapped)
        {
            Log.Failed(logger, model.Name, mapped.Message);
            throw mapped;
        }

        using (response)
        {
            // The resilience handler's total timeout ends when the headers arrive; the body gets its own budget.
            using var bodyTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bodyTimeout.CancelAfter(resilience.TotalTimeout);
            try
            {
                if (!response.IsSuccessStatusCode)
                {
                    var (head, _) = await ReadAsync(response, ErrorBodyBytes, truncate: true, model.Name, bodyTimeout.Token).ConfigureAwait(false);
                    var error = new ModelEndpointException(model.Name, endpoint, response.StatusCode, response.ReasonPhrase, DecodeText(head.Span));
                    Log.Failed(logger, model.Name, error.Message);
                    throw error;
                }

                if (response.Content.Headers.ContentLength is long declared && declared > settings.MaxReplyBytes)
                {
                    throw new ReplyTooLargeException(model.Name, settings.MaxReplyBytes, declared, declared: true);
                }

                var (body, tooLarge) = await ReadAsync(response, settings.MaxReplyBytes, truncate: false, model.Name, bodyTimeout.Token).ConfigureAwait(false);
                if (tooLarge)
                {
                    throw new ReplyTooLargeException(model.Name, settings.MaxReplyBytes, body.Length, declared: false);
                }

                double elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Log.Answered(logger, model.Name, (int)response.StatusCode, body.Length, elapsedMs);
                InferenceDiagnostics.ReplySize.Record(body.Length, new KeyValuePair<string, object?>("scaneo.model", model.Name));
                return body;
            }
            catch (Exception ex) when (ex is not InferenceException && !IsUserCancellation(ex, cancellationToken) && Classify(ex, model.Name, endpoint, resilience.TotalTimeout) is InferenceException mapped)
            {
                Log.Failed(logger, model.Name, mapped.Message);
                throw mapped;
            }
        }
    }

    private static async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadAsync(HttpResponseMessage response, long limit, bool truncate, string modelName, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            long declared = response.Content.Headers.ContentLength ?? 0;
            // One byte beyond the declared length lets the read that finds the end land in the same buffer; an exact
            // fit would double (and copy) the whole reply just to read that final zero.
            int initial = (int)Math.Clamp(declared > 0 ? declared + 1 : 64 * 1024, 1, Math.Min(limit + 1, Array.MaxLength));
            byte[] buffer = new byte[initial];
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        return (buffer.AsMemory(0, length), true);
                    }

                    long grown = Math.Min(Math.Min((long)buffer.Length * 2, limit + 1), Array.MaxLength);
                    if (grown <= buffer.Length)
                    {
                        throw new ReplyTooLargeException(modelName, limit, length, declared: false);
                    }

                    Array.Resize(ref buffer, (int)grown);
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    return truncate ? (buffer.AsMemory(0, (int)limit), false) : (buffer.AsMemory(0, length), true);
                }
            }

            return (buffer.AsMemory(0, length), false);
        }
    }

    private static string? DecodeText(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var sb = new StringBuilder();
        foreach (char ch in Encoding.UTF8.GetString(body))
        {
            sb.Append(ch is '\r' or '\n' or '\t' ? ' ' : char.IsControl(ch) ? '?' : ch);
        }

        return sb.ToString();
    }

    private static void AddCredentials(HttpRequestMessage request, string modelName, InferenceOptions settings)
    {
        if (!settings.Authentication.TryGetValue(modelName, out var auth))
        {
            return;
        }

        if (!string.IsNullOrEmpty(auth.BearerToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auth.BearerToken);
        }

        if (!string.IsNullOrEmpty(auth.ApiKey))
        {
            request.Headers.TryAddWithoutValidation(auth.ApiKeyHeaderName, auth.ApiKey);
        }
    }

    private static bool IsUserCancellation(Exception ex, CancellationToken cancellationToken) =>
        ex is OperationCanceledException && cancellationToken.IsCancellationRequested;

    /// <summary>Maps what HttpClient and the resilience pipeline throw to the typed exceptions (null: not ours to map).</summary>
    internal static InferenceException? Classify(Exception ex, string model, string endpoint, TimeSpan totalTimeout)
    {
        switch (ex)
        {
            case TimeoutRejectedException t:
                return new ModelTimeoutException(model, endpoint, t.Timeout, ex);
            case BrokenCircuitException:
                return new ModelUnreachableException(model, endpoint, "the circuit breaker is open after repeated failures; requests are paused", ex);
            case OperationCanceledException:
                // Not the caller's token: HttpClient.Timeout or the body-read budget expired.
                return new ModelTimeoutException(model, endpoint, ex.InnerException is TimeoutException ? null : totalTimeout, ex);
            case HttpRequestException h:
                return new ModelUnreachableException(model, endpoint, Describe(h), ex);
            case IOException io:
                return new ModelUnreachableException(model, endpoint, "the connection failed while reading the reply (" + (io.InnerException is SocketException inner ? inner.SocketErrorCode.ToString() : "reset or closed") + ")", ex);
            case SocketException s:
                return new ModelUnreachableException(model, endpoint, "socket error " + s.SocketErrorCode, ex);
            default:
                return null;
        }
    }

    private static string Describe(HttpRequestException ex)
    {
        if (ex.InnerException is SocketException socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData => "host not found",
                SocketError.TimedOut => "connection timed out",
                SocketError.ConnectionReset => "connection reset",
                _ => "socket error " + socket.SocketErrorCode,
            };
        }

        return ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "host not found",
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            HttpRequestError.ResponseEnded => "the connection closed before a complete reply",
            HttpRequestError.InvalidResponse => "the reply is not valid HTTP",
            _ => ex.StatusCode is HttpStatusCode code ? "HTTP " + (int)code : "HTTP request failed",
        };
    }
}
