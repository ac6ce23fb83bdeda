// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace LiveAvatarGen.WireTests.Judging;

/// <summary>How one call ended, as the judge sees it.</summary>
public enum Verdict
{
    /// <summary>The request was clean and the client read the answer (a documented error status included).</summary>
    Passed,

    /// <summary>The client could not read an answer that is itself invalid against the spec: the spec's defect (or Prism's).</summary>
    SpecDefect,

    /// <summary>The test could not hold the client to account: no spec-valid argument, or Prism could not answer.</summary>
    NotJudged,

    /// <summary>The client's fault.</summary>
    Failed,
}

/// <summary>Why a call failed: the categories the issue names, plus the two ways a method can be missing.</summary>
public enum FailureCategory
{
    None,

    /// <summary>Prism reported a request violation for a request built from spec-valid arguments.</summary>
    RequestViolation,

    /// <summary>Prism did not find the route, or refused the credentials: the client sent to the wrong place.</summary>
    WrongRoute,

    /// <summary>The client could not read a response that is valid against the spec.</summary>
    ResponseUnreadable,

    /// <summary>An exception that is not one of LiveAvatarGen.Runtime's.</summary>
    ForeignException,

    /// <summary>A spec-valid value that the generated parameter type refuses (or cannot hold).</summary>
    ArgumentRefused,

    /// <summary>No generated method for the operation, or no parameter for a part of it.</summary>
    Unmapped,

    /// <summary>Prism's process died on the request (it is restarted for the next call); its stack trace says why.</summary>
    PrismCrashed,

    /// <summary>The request never got an answer while Prism was up (connection reset, timeout).</summary>
    Transport,
}

/// <summary>One call, judged.</summary>
/// <param name="Operation">The operationId, or <c>METHOD /path</c> when there is none.</param>
public sealed record CallResult(string Operation, Verdict Verdict, FailureCategory Category, string Detail)
{
    public override string ToString() => Operation + ": " + Verdict + (Category == FailureCategory.None ? string.Empty : " (" + Category + ")") + (Detail.Length == 0 ? string.Empty : " — " + Detail);
}
