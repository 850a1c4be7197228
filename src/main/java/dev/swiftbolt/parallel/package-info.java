/** Ordered parallel map over a bounded thread pool. At the ground: may import only the JDK. */
package dev.swiftbolt.parallel;
