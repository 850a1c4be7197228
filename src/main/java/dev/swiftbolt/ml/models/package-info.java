/**
 * Direction models: XGBoost, logistic and majority, the trainer, Tribuo's data and reader, the
 * model codec, class order and calibration. May import {@code market}, {@code ml.features}, Tribuo
 * and XGBoost; no database, no clock.
 */
package dev.swiftbolt.ml.models;
