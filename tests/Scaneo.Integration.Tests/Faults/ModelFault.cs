namespace Scaneo.Integration.Tests.Faults;

/// <summary>What <see cref="FaultyModelServer"/> answers on the route of each fault.</summary>
internal enum ModelFault
{
    /// <summary>500 with a JSON body.</summary>
    InternalError,

    /// <summary>503 with <c>Retry-After: 1</c>, every time.</summary>
    Unavailable,

    /// <summary>503 with <c>Retry-After: 1</c> on the first request, then a valid classification reply.</summary>
    UnavailableOnce,

    /// <summary>503 with <c>Retry-After: 1</c> on odd-numbered requests, a valid classification reply on even ones.</summary>
    UnavailableEveryOther,

    /// <summary>Waits <see cref="FaultyModelServer.SlowDelay"/> before answering.</summary>
    Slow,

    /// <summary>Waits <see cref="FaultyModelServer.ShortDelay"/>, then answers a valid classification reply.</summary>
    Delayed,

    /// <summary>Aborts the connection (TCP reset) without a reply.</summary>
    ConnectionReset,

    /// <summary>200 with an HTML error page, as a misconfigured proxy sends.</summary>
    HtmlErrorPage,

    /// <summary>200 <c>application/json</c> with a truncated, unparseable body.</summary>
    GarbageJson,

    /// <summary>200 <c>image/tiff</c> cut in the middle of its pixel data.</summary>
    TruncatedTiff,

    /// <summary>200 <c>image/tiff</c>: a 2-band float mask of the sent image's size (scores without Argmax).</summary>
    TwoBandMask,

    /// <summary>200 <c>image/tiff</c>: a 1-band mask half the sent image's size.</summary>
    WrongSizeMask,

    /// <summary>200 <c>image/tiff</c>: a 1-band uint8 TIFF under 200 bytes whose header declares 100000 × 100000 pixels.</summary>
    HugeDimensions,
}
