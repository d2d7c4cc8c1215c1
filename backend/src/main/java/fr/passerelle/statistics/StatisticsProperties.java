package fr.passerelle.statistics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The statistics' settings ({@code passerelle.statistics.*}).
 *
 * @param todayMaxAge how old today's figures on a wallboard may be: each instance counts
 * them again in the background past that age
 */
@ConfigurationProperties("passerelle.statistics")
record StatisticsProperties(@DefaultValue("10s") Duration todayMaxAge) {
}
