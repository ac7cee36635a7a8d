package com.betterfleet.access.accesspolicy.shared.application;

/** A human caller named an account other than the one of its token (403). */
public class AccountMismatchException extends RuntimeException {
    public AccountMismatchException(String detail) {
        super(detail);
    }
}
