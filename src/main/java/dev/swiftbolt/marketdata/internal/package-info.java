/**
 * Helpers of {@code marketdata} only: NYSE holiday rules and Alpaca's bars page. May import the JDK
 * and Jackson.
 */
package dev.swiftbolt.marketdata.internal;
