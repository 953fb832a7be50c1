Feature: Joining the wiki
  A first-time visitor creates an account so they can edit.

  Scenario: Register an account
    Given I am a first-time customer on the home page
    When I follow "Register"
    And I fill in my details:
      | Username   | {unique text}    |
      | Password   | Garden-Pass-2024 |
      | once again | Garden-Pass-2024 |
      | Real name  | Ada Gardener     |
      | E-Mail     | {unique email}   |
    And I press "Register"
    Then I should see "The user has been created."

  Scenario: Register, mistyping the password the second time
    Given I am a first-time customer on the home page
    When I follow "Register"
    And I fill in my details:
      | Username   | {unique text}    |
      | Password   | Garden-Pass-2024 |
      | once again | Garden-Pass-2025 |
      | Real name  | Ada Gardener     |
      | E-Mail     | {unique email}   |
    And I press "Register"
    Then I should see "The two given passwords are not identical, please try again."
    When I fill in "Password" with "Garden-Pass-2024"
    And I fill in "once again" with "Garden-Pass-2024"
    And I press "Register"
    Then I should see "The user has been created."
