package org.gatepost.roster;

import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One shift of a village's day plan, in local clock time; an end at or before the start runs past midnight. */
@Entity
@Table(name = "shift_template")
public class ShiftTemplate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "village_id", nullable = false)
    public UUID villageId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String name;

    @Column(name = "start_time", nullable = false)
    public LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    public LocalTime endTime;

    @Column(name = "min_staff", nullable = false)
    public int minStaff;
}
