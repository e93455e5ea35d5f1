package org.gatepost.testing;

import org.gatepost.account.Account;
import org.gatepost.account.Team;
import org.gatepost.place.Place;

/** A small county made fresh for a test: two villages side by side, each with its people. */
public record World(
        Place county, Place township, Place villageA, Place villageB,
        Place checkpointA1, Place checkpointA2, Place checkpointB1,
        Account admin, Account countyOfficial, Account townshipOfficial,
        Account cadreA, Account cadreB, Account volunteerA, Account volunteerB,
        Team teamA, Team teamB) {
}
